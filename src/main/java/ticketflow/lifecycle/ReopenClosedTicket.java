package ticketflow.lifecycle;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ticketflow.account.AccountRepository;
import ticketflow.process.ModelContract.AgentTask;
import ticketflow.process.ProcessVariables;
import ticketflow.process.TicketProcess;
import ticketflow.sla.ReopenedCommitments;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketReopened;
import ticketflow.ticket.TicketRepository;

/**
 * A closed ticket the customer reopened gets its lifecycle back, in the same transaction: a new instance of the
 * latest ticket-lifecycle model, started before its Work ticket task (a task the model contract names), with what the
 * task and the rest of the model read, and the commitment branches of the clocks that run again started where the
 * model declares them ({@code slaDue.has}), as a priority change starts one. Everything after Work ticket is the
 * designer's model as for any ticket.
 */
@Component
class ReopenClosedTicket {

  private final TicketRepository tickets;
  private final AccountRepository accounts;
  private final ReopenedCommitments commitments;
  private final TicketProcess process;

  ReopenClosedTicket(TicketRepository tickets, AccountRepository accounts, ReopenedCommitments commitments, TicketProcess process) {
    this.tickets = tickets;
    this.accounts = accounts;
    this.commitments = commitments;
    this.process = process;
  }

  @EventListener
  void reopened(TicketReopened reopened) {
    Ticket ticket = tickets.find(reopened.ticketId()).orElseThrow();
    // Clocks first: the Work ticket task takes its due date from the resolution clock when it is created.
    Map<String, Object> variables = new HashMap<>(commitments.reopened(ticket.id(), plan(ticket)));
    variables.putAll(ticketVariables(ticket));
    process.restartBefore(ticket.id(), AgentTask.WORK_TICKET.key(), variables);
    commitments.startBranches(ticket.id());
  }

  private String plan(Ticket ticket) {
    return accounts.find(ticket.accountId()).map(a -> a.plan().name()).orElse(null);
  }

  /**
   * What the first instance held from triage that the model reads, from the ticket itself (variables end with their
   * instance). No decision runs on a reopened ticket and the forms show the ticket from its record.
   */
  private Map<String, Object> ticketVariables(Ticket ticket) {
    Map<String, Object> v = new HashMap<>();
    v.put(ProcessVariables.CHANNEL, ticket.channel().name());
    v.put(ProcessVariables.PRIORITY, ticket.priority().name());
    v.put(ProcessVariables.QUEUE, ticket.queue());
    return v;
  }
}
