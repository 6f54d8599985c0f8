package ticketflow.agentwork;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import ticketflow.macro.CannedReplies;
import ticketflow.note.NoteSource;
import ticketflow.note.Notes;
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
  private final CannedReplies cannedReplies;
  private final Notes notes;
  private final ApplicationEventPublisher events;

  RecordAgentWork(TicketRepository tickets, Conversation conversation, Commitments commitments, ChangePriority changePriority,
      CannedReplies cannedReplies, Notes notes, ApplicationEventPublisher events) {
    this.tickets = tickets;
    this.conversation = conversation;
    this.commitments = commitments;
    this.changePriority = changePriority;
    this.cannedReplies = cannedReplies;
    this.notes = notes;
    this.events = events;
  }

  /** A task was opened for the ticket; returns the conversation thread for its form. */
  String taskOpened(String ticketId, String taskKey) {
    if (AgentTask.WORK_TICKET.key().equals(taskKey)) {
      tickets.updateStatus(ticketId, TicketStatus.IN_PROGRESS);
    }
    return conversation.asThread(ticketId);
  }

  /** The ticket a task of it was created for. */
  Ticket ticket(String ticketId) {
    return tickets.find(ticketId).orElseThrow();
  }

  /** The ticket's internal notes for a task's form. */
  String notesFor(String ticketId) {
    return notes.asThread(ticketId);
  }

  /** The canned replies a task's form offers: [{label, value}]. */
  List<Map<String, String>> cannedReplyChoices() {
    return cannedReplies.formChoices();
  }

  /**
   * What the agent sends: their own reply when they wrote one, else the canned reply they picked, rendered for the
   * ticket; a macro that no longer exists is refused rather than sending nothing.
   */
  Object replyOrMacro(String ticketId, String by, Object reply, Object macro) {
    if (reply != null && !reply.toString().isBlank() || macro == null || macro.toString().isBlank()) {
      return reply;
    }
    return cannedReplies.render(ticketId, macro.toString().trim(), by).orElseThrow(() -> AgentWorkPolicy.unknownCannedReply(macro));
  }

  AgentWorkPolicy.AgentWork agentDone(String ticketId, String by, boolean firstResponse, Object action, Object reply,
      Object macro, Object newPriority, Object priorityReason, Object note) {
    AgentWorkPolicy.AgentWork work = policy.check(firstResponse, action, replyOrMacro(ticketId, by, reply, macro), newPriority,
        priorityReason);
    String noteText = policy.checkNote(note, Notes.MAX_BODY);
    Ticket ticket = tickets.findForUpdate(ticketId).orElseThrow();
    if (noteText != null) {
      notes.add(ticketId, by, NoteSource.FORM, noteText);
    }
    if (work.reply() != null) {
      conversation.add(ticketId, Author.AGENT, work.reply(), by);
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

  /** Engineering's findings become a note, kept after the next hand-off overwrites the form's findings field. */
  void engineeringDone(String ticketId, String by, Object findings) {
    policy.checkFindings(findings);
    notes.add(ticketId, by, NoteSource.ENGINEERING_FINDINGS, policy.checkNote(findings, Notes.MAX_BODY));
    tickets.updateStatus(ticketId, TicketStatus.IN_PROGRESS);
  }

}
