package ticketflow.lifecycle;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ticketflow.sla.Commitments;
import ticketflow.ticket.Author;
import ticketflow.ticket.Conversation;
import ticketflow.ticket.TicketClosed;
import ticketflow.ticket.TicketRepository;
import ticketflow.ticket.TicketStatus;
import ticketflow.process.ModelContract.Beans;

/** Listener on the closing end events: closes the ticket and tells the customer why, by which end was reached. */
@Component(Beans.CLOSE_TICKET)
class CloseTicketDelegate implements ExecutionListener {

  private static final Map<String, String> WHY = Map.of(
      "TicketClosed", "Ticket closed: the customer accepted the proposed solution.",
      "TicketAutoClosed", "Ticket closed: no answer to the proposed solution in time.",
      "ClosedUnanswered", "Ticket closed: no reply from the customer in time.");

  private final TicketRepository tickets;
  private final Conversation conversation;
  private final Commitments commitments;
  private final ApplicationEventPublisher events;

  CloseTicketDelegate(TicketRepository tickets, Conversation conversation, Commitments commitments,
      ApplicationEventPublisher events) {
    this.tickets = tickets;
    this.conversation = conversation;
    this.commitments = commitments;
    this.events = events;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String ticketId = execution.getProcessBusinessKey();
    tickets.updateStatus(ticketId, TicketStatus.CLOSED);
    commitments.closed(ticketId);
    String why = WHY.getOrDefault(execution.getCurrentActivityId(), "Ticket closed.");
    conversation.add(ticketId, Author.SYSTEM, why);
    events.publishEvent(new TicketClosed(ticketId, why));
  }
}
