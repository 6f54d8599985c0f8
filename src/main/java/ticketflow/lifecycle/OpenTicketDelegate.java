package ticketflow.lifecycle;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ticketflow.report.TicketMetrics;
import ticketflow.sla.Commitments;
import ticketflow.ticket.Priority;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketRepository;
import ticketflow.ticket.TicketStatus;

/**
 * BPMN {@code OpenTicket}: records the triage decisions on the ticket, opens it for its queue and starts its
 * commitment clocks from the commitments table's row.
 */
@Component("openTicket")
class OpenTicketDelegate implements JavaDelegate {

  static final String COMMITMENT_TARGETS = "commitmentTargets";

  private final TicketRepository tickets;
  private final Commitments commitments;
  private final TicketMetrics metrics;

  OpenTicketDelegate(TicketRepository tickets, Commitments commitments, TicketMetrics metrics) {
    this.tickets = tickets;
    this.commitments = commitments;
    this.metrics = metrics;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String ticketId = execution.getProcessBusinessKey();
    String priority = (String) execution.getVariable(ProcessVariables.PRIORITY);
    String queue = (String) execution.getVariable(ProcessVariables.QUEUE);
    tickets.recordTriage(ticketId, Priority.valueOf(priority), queue, TicketStatus.OPEN);
    @SuppressWarnings("unchecked")
    Map<String, Object> row = (Map<String, Object>) execution.getVariable(COMMITMENT_TARGETS);
    Ticket ticket = tickets.find(ticketId).orElseThrow();
    execution.setVariables(commitments.start(ticketId, priority, queue, row, ticket.createdAt()));
    // The row was only the decision's hand-over; the clocks now hold it.
    execution.removeVariable(COMMITMENT_TARGETS);
    metrics.opened(ticket);
  }
}
