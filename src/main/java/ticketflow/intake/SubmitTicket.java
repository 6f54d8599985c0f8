package ticketflow.intake;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ticketflow.account.Account;
import ticketflow.account.AccountRepository;
import ticketflow.account.CallerVerificationPolicy;
import ticketflow.account.Member;
import ticketflow.api.ApiException;
import ticketflow.channel.CallerVerification;
import ticketflow.process.ProcessVariables;
import ticketflow.process.TicketProcess;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketRepository;
import ticketflow.ticket.TicketStatus;

/**
 * Takes a ticket in: one transaction writes the ticket row, the idempotency record and starts its
 * ticket-lifecycle instance, so a client sees all three or none.
 */
@Service
class SubmitTicket {

  record Submitted(String ticketId, boolean created) {
  }

  private final AccountRepository accounts;
  private final TicketRepository tickets;
  private final IdempotencyKeys idempotencyKeys;
  private final CallerVerificationPolicy callerVerification;
  private final TicketProcess process;
  private final Clock clock;

  SubmitTicket(AccountRepository accounts, TicketRepository tickets, IdempotencyKeys idempotencyKeys,
      CallerVerificationPolicy callerVerification, TicketProcess process, Clock clock) {
    this.accounts = accounts;
    this.tickets = tickets;
    this.idempotencyKeys = idempotencyKeys;
    this.callerVerification = callerVerification;
    this.process = process;
    this.clock = clock;
  }

  @Transactional
  Submitted submit(TicketRequest request, String clientId, String idempotencyKey) {
    String requestHash = IdempotencyKeys.hash(request.fingerprint());
    if (idempotencyKey != null) {
      Optional<IdempotencyKeys.Recorded> earlier = idempotencyKeys.find(clientId, idempotencyKey);
      if (earlier.isPresent()) {
        return replay(earlier.get(), requestHash);
      }
    }
    Account account = accounts.find(request.accountId())
        .orElseThrow(() -> ApiException.unprocessable("Unknown account", "No account '" + request.accountId() + "' in the account directory."));
    Optional<Member> member = account.member(request.requesterEmail());
    var given = request.callerVerification();
    CallerVerification verification = callerVerification.verify(request.channel(), member,
        given == null ? null : given.personalMeetingId(), given == null ? null : given.hostKey());

    String id = tickets.nextId();
    tickets.insert(new Ticket(id, account.id(), request.requesterEmail(), request.category(), request.impact(),
        request.workaround(), request.subject(), request.description(), TicketStatus.OPEN, null, request.channel(), null,
        null, null, 0, clientId, clock.instant()));
    if (idempotencyKey != null) {
      try {
        idempotencyKeys.record(clientId, idempotencyKey, requestHash, id);
      } catch (DuplicateKeyException concurrentRetry) {
        throw new ConcurrentSubmission();
      }
    }
    process.start(id, variables(request, account, verification));
    return new Submitted(id, true);
  }

  /** The same key again: the same request gets its ticket back, another request under that key is refused. */
  Submitted replay(IdempotencyKeys.Recorded earlier, String requestHash) {
    if (!earlier.requestHash().equals(requestHash)) {
      throw ApiException.conflict("This Idempotency-Key was already used for a different request.");
    }
    return new Submitted(earlier.ticketId(), false);
  }

  @Transactional(readOnly = true)
  Submitted replayAfterRace(TicketRequest request, String clientId, String idempotencyKey) {
    return idempotencyKeys.find(clientId, idempotencyKey)
        .map(earlier -> replay(earlier, IdempotencyKeys.hash(request.fingerprint())))
        .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "Request in progress",
            "A request with this Idempotency-Key is being processed; retry shortly."));
  }

  private static Map<String, Object> variables(TicketRequest request, Account account, CallerVerification verification) {
    Map<String, Object> v = new HashMap<>();
    // Plan and category only feed the decisions, which run in this transaction: transient, never a variable row. The
    // forms show the ticket from its record (agentwork's ticket view), so subject, description and requester stay out.
    v.put(ProcessVariables.PLAN, Variables.stringValue(account.plan().name(), true));
    v.put(ProcessVariables.ROLE, account.roleOf(request.requesterEmail()).name());
    v.put(ProcessVariables.CATEGORY, Variables.stringValue(request.category().name(), true));
    v.put(ProcessVariables.IMPACT, request.impact().name());
    v.put(ProcessVariables.WORKAROUND, request.workaround().name());
    v.put(ProcessVariables.REQUESTED_CHANNEL, request.channel().name());
    v.put(ProcessVariables.CALLER_VERIFICATION, verification.name());
    return v;
  }

  /** Another request with the same key is committing right now; the client retries and gets its answer. */
  static class ConcurrentSubmission extends RuntimeException {
    ConcurrentSubmission() {
      super("A request with this Idempotency-Key is being processed; retry shortly.");
    }
  }
}
