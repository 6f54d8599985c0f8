package ticketflow.agentwork;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import ticketflow.process.ModelContract.AgentTask;
import ticketflow.sla.Commitments;
import ticketflow.ticket.AgentReplied;
import ticketflow.ticket.Author;
import ticketflow.ticket.ChangePriority;
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
  private final Commitments commitments;
  private final ChangePriority changePriority;
  private final ApplicationEventPublisher events;

  RecordAgentWork(TicketRepository tickets, Conversation conversation, Commitments commitments, ChangePriority changePriority,
      ApplicationEventPublisher events) {
    this.tickets = tickets;
    this.conversation = conversation;
    this.commitments = commitments;
    this.changePriority = changePriority;
    this.events = events;
  }

  /** A task was opened for the ticket; returns the conversation thread for its form. */
  String taskOpened(String ticketId, String taskKey) {
    if (AgentTask.WORK_TICKET.key().equals(taskKey)) {
      tickets.updateStatus(ticketId, TicketStatus.IN_PROGRESS);
    }
    return conversation.asThread(ticketId);
  }

  AgentWorkPolicy.AgentWork agentDone(String ticketId, String by, boolean firstResponse, Object action, Object reply,
      Object newPriority, Object priorityReason) {
    AgentWorkPolicy.AgentWork work = policy.check(firstResponse, action, reply, newPriority, priorityReason);
    Ticket ticket = tickets.findForUpdate(ticketId).orElseThrow();
    if (work.reply() != null) {
      conversation.add(ticketId, Author.AGENT, work.reply());
      if (firstResponse) {
        commitments.firstResponseSent(ticketId);
      } else {
        commitments.updateSent(ticketId);
      }
      events.publishEvent(new AgentReplied(ticketId, firstResponse, work.reply(), work.action() == AgentAction.PROPOSE_SOLUTION));
    }
    // After the reply: a met first response keeps its timers out of the move (the completing task removes them).
    work.newPriority().filter(p -> p != ticket.priority())
        .ifPresent(p -> changePriority.changeWhileCompleting(ticket, p, work.priorityReason(), by));
    tickets.updateStatus(ticketId, work.action().leadsTo());
    // Waiting for the customer's reply or verdict on a proposed solution stops the resolution and update clocks.
    if (work.action() == AgentAction.REPLY_AND_WAIT || work.action() == AgentAction.PROPOSE_SOLUTION) {
      commitments.waitingOnCustomer(ticketId);
    }
    return work;
  }

  void engineeringDone(String ticketId, Object notes) {
    policy.checkFindings(notes);
    tickets.updateStatus(ticketId, TicketStatus.IN_PROGRESS);
  }

}
