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

  @Transactional
  public void change(Ticket ticket, Priority priority, String reason, String by) {
    if (priority == ticket.priority()) {
      return;
    }
    tickets.updatePriority(ticket.id(), priority);
    commitments.priorityChanged(ticket.id(), priority.name());
    EngineAccess.asSystem(() -> process.setVariable(ticket.id(), ProcessVariables.PRIORITY, priority.name()));
    log.info("Ticket {} priority changed from {} to {} by {}: {}", ticket.id(), ticket.priority(), priority, by, reason);
  }
}
