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
    Map<String, Object> fromTicket = ticketVariables(ticket);
    Map<String, Object> variables = new HashMap<>(commitments.reopened(ticket.id(), (String) fromTicket.get(ProcessVariables.PLAN)));
    variables.putAll(fromTicket);
    process.restartBefore(ticket.id(), AgentTask.WORK_TICKET.key(), variables);
    commitments.startBranches(ticket.id());
  }

  /** What the first instance held from intake and triage, from the ticket itself (variables end with their instance). */
  private Map<String, Object> ticketVariables(Ticket ticket) {
    Map<String, Object> v = new HashMap<>();
    v.put(ProcessVariables.SUBJECT, ticket.subject());
    v.put(ProcessVariables.DESCRIPTION, ProcessVariables.forDisplay(ticket.description()));
    v.put(ProcessVariables.REQUESTER_EMAIL, ticket.requesterEmail());
    v.put(ProcessVariables.CATEGORY, ticket.category().name());
    v.put(ProcessVariables.CHANNEL, ticket.channel().name());
    v.put(ProcessVariables.PRIORITY, ticket.priority().name());
    v.put(ProcessVariables.QUEUE, ticket.queue());
    accounts.find(ticket.accountId()).ifPresent(a -> v.put(ProcessVariables.PLAN, a.plan().name()));
    return v;
  }
}
