package ticketflow.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract.Beans;
import ticketflow.ticket.TicketRepository;

/**
 * The queue routing gave the ticket, for the model's tasks after intake ({@code ${routing.queue(execution)}}): the
 * ticket keeps it, so no instance holds a copy as a variable. Public, as the engine's expressions call it.
 */
@Component(Beans.ROUTING)
public class Routing {

  private final TicketRepository tickets;

  Routing(TicketRepository tickets) {
    this.tickets = tickets;
  }

  public String queue(DelegateExecution execution) {
    String ticketId = execution.getProcessBusinessKey();
    return tickets.queueOf(ticketId).orElseThrow(() -> new IllegalStateException("Ticket " + ticketId + " has no queue yet"));
  }
}
