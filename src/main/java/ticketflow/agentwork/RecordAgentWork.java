package ticketflow.agentwork;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ticketflow.ticket.Author;
import ticketflow.ticket.Conversation;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketRepository;
import ticketflow.ticket.TicketStatus;

/** Records agents' work on a ticket: replies into the conversation, priority changes, the status that follows. */
@Service
class RecordAgentWork {

  private static final Logger log = LoggerFactory.getLogger(RecordAgentWork.class);

  private final AgentWorkPolicy policy = new AgentWorkPolicy();
  private final TicketRepository tickets;
  private final Conversation conversation;

  RecordAgentWork(TicketRepository tickets, Conversation conversation) {
    this.tickets = tickets;
    this.conversation = conversation;
  }

  /** A task was opened for the ticket; returns the conversation thread for its form. */
  String taskOpened(String ticketId, String taskKey) {
    if ("WorkTicket".equals(taskKey)) {
      tickets.updateStatus(ticketId, TicketStatus.IN_PROGRESS);
    }
    return conversation.asThread(ticketId);
  }

  AgentWorkPolicy.AgentWork agentDone(String ticketId, Object action, Object reply, Object newPriority, Object priorityReason) {
    AgentWorkPolicy.AgentWork work = policy.check(action, reply, newPriority, priorityReason);
    Ticket ticket = tickets.findForUpdate(ticketId).orElseThrow();
    work.newPriority().filter(p -> p != ticket.priority()).ifPresent(p -> {
      tickets.updatePriority(ticketId, p);
      log.info("Ticket {} priority changed from {} to {}: {}", ticketId, ticket.priority(), p, work.priorityReason());
    });
    if (work.reply() != null) {
      conversation.add(ticketId, Author.AGENT, work.reply());
    }
    tickets.updateStatus(ticketId, work.action().leadsTo());
    return work;
  }

  void engineeringDone(String ticketId, Object notes) {
    if (notes == null || notes.toString().isBlank()) {
      throw new AgentWorkPolicy.InvalidWork(java.util.List.of("Write your findings for the support agent."));
    }
    tickets.updateStatus(ticketId, TicketStatus.IN_PROGRESS);
  }
}
