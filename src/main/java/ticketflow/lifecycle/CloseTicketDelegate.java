package ticketflow.lifecycle;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import ticketflow.notification.Notifications;
import ticketflow.sla.Commitments;
import ticketflow.ticket.Author;
import ticketflow.ticket.Conversation;
import ticketflow.ticket.TicketRepository;
import ticketflow.ticket.TicketStatus;

/** Listener on the closing end events: closes the ticket and tells the customer why, by which end was reached. */
@Component("closeTicket")
class CloseTicketDelegate implements ExecutionListener {

  private static final Map<String, String> WHY = Map.of(
      "TicketClosed", "Ticket closed: the customer accepted the proposed solution.",
      "TicketAutoClosed", "Ticket closed: no answer to the proposed solution in time.",
      "ClosedUnanswered", "Ticket closed: no reply from the customer in time.");

  private final TicketRepository tickets;
  private final Conversation conversation;
  private final Commitments commitments;
  private final Notifications notifications;

  CloseTicketDelegate(TicketRepository tickets, Conversation conversation, Commitments commitments, Notifications notifications) {
    this.tickets = tickets;
    this.conversation = conversation;
    this.commitments = commitments;
    this.notifications = notifications;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String ticketId = execution.getProcessBusinessKey();
    tickets.updateStatus(ticketId, TicketStatus.CLOSED);
    commitments.closed(ticketId);
    conversation.add(ticketId, Author.SYSTEM, WHY.getOrDefault(execution.getCurrentActivityId(), "Ticket closed."));
    notifications.ticketClosed(ticketId, WHY.getOrDefault(execution.getCurrentActivityId(), "Ticket closed."));
  }
}
