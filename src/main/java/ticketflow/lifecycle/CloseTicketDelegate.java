package ticketflow.lifecycle;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ticketflow.sla.Commitments;
import ticketflow.ticket.Author;
import ticketflow.ticket.Conversation;
import ticketflow.ticket.TicketClosed;
import ticketflow.ticket.TicketRepository;
import ticketflow.process.ModelContract.Beans;

/**
 * Listener on the closing end events: closes the ticket and tells the customer why, in the words the end event's
 * {@code closeReason} property gives (the designer's, whatever the event's id).
 */
@Component(Beans.CLOSE_TICKET)
class CloseTicketDelegate implements ExecutionListener {

  static final String CLOSE_REASON = "closeReason";
  private static final String DEFAULT_REASON = "Ticket closed.";

  private final TicketRepository tickets;
  private final Conversation conversation;
  private final Commitments commitments;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CloseTicketDelegate(TicketRepository tickets, Conversation conversation, Commitments commitments,
      ApplicationEventPublisher events, Clock clock) {
    this.tickets = tickets;
    this.conversation = conversation;
    this.commitments = commitments;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String ticketId = execution.getProcessBusinessKey();
    tickets.close(ticketId, clock.instant());
    commitments.closed(ticketId);
    String why = closeReason(execution.getBpmnModelElementInstance());
    conversation.add(ticketId, Author.SYSTEM, why);
    events.publishEvent(new TicketClosed(ticketId, why));
  }

  private static String closeReason(FlowElement end) {
    ExtensionElements extensions = end == null ? null : end.getExtensionElements();
    if (extensions == null) {
      return DEFAULT_REASON;
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream()).filter(p -> CLOSE_REASON.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).filter(v -> v != null && !v.isBlank()).findFirst().orElse(DEFAULT_REASON);
  }
}
