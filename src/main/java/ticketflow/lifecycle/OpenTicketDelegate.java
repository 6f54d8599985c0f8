package ticketflow.lifecycle;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ticketflow.sla.Commitments;
import ticketflow.ticket.Priority;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketOpened;
import ticketflow.ticket.TicketRepository;
import ticketflow.ticket.TicketStatus;
import ticketflow.process.ProcessVariables;
import ticketflow.process.ModelContract.Beans;

/**
 * BPMN {@code OpenTicket}: records the triage decisions on the ticket, opens it for its queue and starts its
 * commitment clocks from the commitments table's row.
 */
@Component(Beans.OPEN_TICKET)
class OpenTicketDelegate implements JavaDelegate {

  private final TicketRepository tickets;
  private final Commitments commitments;
  private final ApplicationEventPublisher events;

  OpenTicketDelegate(TicketRepository tickets, Commitments commitments, ApplicationEventPublisher events) {
    this.tickets = tickets;
    this.commitments = commitments;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String ticketId = execution.getProcessBusinessKey();
    Priority priority = Priority.valueOf((String) execution.getVariable(ProcessVariables.PRIORITY));
    String queue = (String) execution.getVariable(ProcessVariables.QUEUE);
    tickets.recordTriage(ticketId, priority, queue, TicketStatus.OPEN);
    @SuppressWarnings("unchecked")
    Map<String, Object> row = (Map<String, Object>) execution.getVariable(ProcessVariables.COMMITMENT_TARGETS);
    Ticket ticket = tickets.find(ticketId).orElseThrow();
    execution.setVariables(commitments.start(ticketId, priority, queue, row, ticket.createdAt()));
    // The decisions' hand-over ends here: the clocks hold the row, the ticket its channel, priority and queue, and what
    // comes later reads them there. Created and removed in this transaction, none of them is ever written.
    execution.removeVariables(List.of(ProcessVariables.COMMITMENT_TARGETS, ProcessVariables.PRIORITY, ProcessVariables.QUEUE,
        ProcessVariables.CHANNEL));
    events.publishEvent(new TicketOpened(ticket));
  }
}
