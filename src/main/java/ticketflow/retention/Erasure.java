package ticketflow.retention;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ticketflow.account.AccountRepository;
import ticketflow.api.ApiException;
import ticketflow.process.ModelContract;
import ticketflow.sla.Commitments;
import ticketflow.ticket.Anonymisation;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketRepository;
import ticketflow.timeline.TimelineEvent;
import ticketflow.timeline.TimelineKind;

/**
 * A requester asked to be forgotten: every ticket of theirs is anonymised, an open one closed first (its lifecycle
 * instance ended with reason {@value #REASON}, so its tasks, timers and variables go), and they leave the account
 * directory. One transaction: all of it or nothing. The timeline of each ticket says it was erased, and by whom.
 */
@Service
class Erasure {

  static final String REASON = "ERASED";

  private final Anonymisation anonymisation;
  private final TicketRepository tickets;
  private final AccountRepository accounts;
  private final Commitments commitments;
  private final RuntimeService runtime;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Erasure(Anonymisation anonymisation, TicketRepository tickets, AccountRepository accounts, Commitments commitments,
      RuntimeService runtime, ApplicationEventPublisher events, Clock clock) {
    this.anonymisation = anonymisation;
    this.tickets = tickets;
    this.accounts = accounts;
    this.commitments = commitments;
    this.runtime = runtime;
    this.events = events;
    this.clock = clock;
  }

  /** Answers how many tickets were erased; 404 when nothing of the address is left to erase. */
  @Transactional
  int erase(String email, String by) {
    List<String> ids = anonymisation.ticketsOf(email);
    int memberships = accounts.removeMember(email);
    if (ids.isEmpty() && memberships == 0) {
      throw new ApiException(HttpStatus.NOT_FOUND, "Requester not found",
          "Nothing of this requester is left in ticketflow: no ticket and no account membership.");
    }
    for (String id : ids) {
      Ticket ticket = tickets.findForUpdate(id).orElseThrow();
      boolean wasOpen = !ticket.isFinished();
      if (wasOpen) {
        close(id);
      }
      anonymisation.anonymise(id);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("closedWith", wasOpen ? REASON : null);
      events.publishEvent(new TimelineEvent(id, TimelineKind.ERASED, by, details));
    }
    return ids.size();
  }

  private void close(String ticketId) {
    List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).list().stream()
        .filter(i -> ModelContract.isLifecycle(i.getProcessDefinitionId())).map(i -> i.getId()).toList();
    if (!instances.isEmpty()) {
      // Skipping the model's listeners: nothing may mail the customer or write their texts again on the way out.
      runtime.deleteProcessInstancesIfExists(instances, REASON, true, true, true);
    }
    tickets.close(ticketId, clock.instant());
    commitments.closed(ticketId);
  }
}
