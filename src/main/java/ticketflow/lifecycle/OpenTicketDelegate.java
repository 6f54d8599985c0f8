package ticketflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ticketflow.ticket.Priority;
import ticketflow.ticket.TicketRepository;
import ticketflow.ticket.TicketStatus;

/** BPMN {@code OpenTicket}: records the triage decisions on the ticket and opens it for its queue. */
@Component("openTicket")
class OpenTicketDelegate implements JavaDelegate {

  private final TicketRepository tickets;

  OpenTicketDelegate(TicketRepository tickets) {
    this.tickets = tickets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    tickets.recordTriage(execution.getProcessBusinessKey(),
        Priority.valueOf((String) execution.getVariable(ProcessVariables.PRIORITY)),
        (String) execution.getVariable(ProcessVariables.QUEUE), TicketStatus.OPEN);
  }
}
