package ticketflow.ticket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An agent re-prioritises a ticket with a reason; its commitments follow the new priority ({@link PriorityChanged}). */
@Service
public class ChangePriority {

  private static final Logger log = LoggerFactory.getLogger(ChangePriority.class);

  private final TicketRepository tickets;
  private final ApplicationEventPublisher events;

  ChangePriority(TicketRepository tickets, ApplicationEventPublisher events) {
    this.tickets = tickets;
    this.events = events;
  }

  /** Triage outside a task completion (the API): open tasks also take the new due dates. */
  @Transactional
  public void change(Ticket ticket, Priority priority, String reason, String by) {
    change(ticket, priority, reason, by, false);
  }

  /** Triage as an agent completes a task: the task being completed keeps its due date (it goes away anyway). */
  public void changeWhileCompleting(Ticket ticket, Priority priority, String reason, String by) {
    change(ticket, priority, reason, by, true);
  }

  private void change(Ticket ticket, Priority priority, String reason, String by, boolean whileCompleting) {
    if (priority == ticket.priority()) {
      return;
    }
    tickets.updatePriority(ticket.id(), priority);
    // The ticket is the only record of its priority (no process variable): the open tasks' copies follow the event.
    events.publishEvent(new PriorityChanged(ticket.id(), ticket.priority(), priority, reason, by, whileCompleting));
    log.info("Ticket {} priority changed from {} to {} by {}: {}", ticket.id(), ticket.priority(), priority, by, reason);
  }
}
