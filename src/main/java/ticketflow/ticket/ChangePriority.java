package ticketflow.ticket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ticketflow.lifecycle.EngineAccess;
import ticketflow.lifecycle.ProcessVariables;
import ticketflow.lifecycle.TicketProcess;
import ticketflow.sla.Commitments;

/** An agent re-prioritises a ticket with a reason; its commitments follow the new priority. */
@Service
public class ChangePriority {

  private static final Logger log = LoggerFactory.getLogger(ChangePriority.class);

  private final TicketRepository tickets;
  private final Commitments commitments;
  private final TicketProcess process;

  ChangePriority(TicketRepository tickets, Commitments commitments, TicketProcess process) {
    this.tickets = tickets;
    this.commitments = commitments;
    this.process = process;
  }

  /** Triage outside a task completion (the API): open tasks also take the new due dates. */
  @Transactional
  public void change(Ticket ticket, Priority priority, String reason, String by) {
    if (changeWhileCompleting(ticket, priority, reason, by)) {
      commitments.openTasksFollowCommitments(ticket.id());
    }
  }

  /** Triage as an agent completes a task: the task being completed keeps its due date (it goes away anyway). */
  public boolean changeWhileCompleting(Ticket ticket, Priority priority, String reason, String by) {
    if (priority == ticket.priority()) {
      return false;
    }
    tickets.updatePriority(ticket.id(), priority);
    commitments.priorityChanged(ticket.id(), priority.name());
    EngineAccess.asSystem(() -> process.setVariable(ticket.id(), ProcessVariables.PRIORITY, priority.name()));
    log.info("Ticket {} priority changed from {} to {} by {}: {}", ticket.id(), ticket.priority(), priority, by, reason);
    return true;
  }
}
