package ticketflow.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import ticketflow.process.ProcessVariables;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketRepository;

/**
 * The commitments of a closed ticket the customer reopened. The resolution clock runs again with the time it had
 * left when it was met (the solution was proposed, or the reply that went unanswered was sent): the time since then
 * counts as waiting on the customer, as a rejected solution's does. The update cadence counts from now, on the
 * current priority's terms. The first response stays met. A resolution already at risk or breached stays so, and the
 * new instance's ladder timers for steps already past fall due at once: staff hear again that it is late.
 */
@Service
public class ReopenedCommitments {

  private final SlaClocks clocks;
  private final TicketRepository tickets;
  private final CommitmentsDecision decision;
  private final SlaSchedule schedule;
  private final SlaTimers timers;
  private final Clock clock;

  ReopenedCommitments(SlaClocks clocks, TicketRepository tickets, CommitmentsDecision decision, SlaSchedule schedule,
      SlaTimers timers, Clock clock) {
    this.clocks = clocks;
    this.tickets = tickets;
    this.decision = decision;
    this.schedule = schedule;
    this.timers = timers;
    this.clock = clock;
  }

  /**
   * Runs the clocks again; answers the process variables the reopened instance's tasks need from the commitments.
   * {@code plan} is the account's plan (the commitments table may look at it), null when unknown.
   */
  public Map<String, Object> reopened(String ticketId, String plan) {
    Instant now = clock.instant();
    Ticket ticket = tickets.find(ticketId).orElseThrow();
    CommitmentTerms terms = decision.evaluate(new CommitmentInputs(ticket.priority(), plan, ticket.queue(),
        ticket.channel() == null ? null : ticket.channel().name()));
    clocks.find(ticketId, Commitment.RESOLUTION).filter(c -> c.state() == SlaState.MET && c.metAt() != null).ifPresent(c -> {
      Duration waited = schedule.openTime(c, c.metAt(), now);
      clocks.save(schedule.timed(c.reopened(waited, clocks.reachedState(ticketId, Commitment.RESOLUTION))));
      clocks.record(ticketId, Commitment.RESOLUTION, SlaEventType.RESUMED, null, now);
    });
    Duration every = terms.target(Commitment.UPDATE);
    if (every != null) {
      SlaClock updates = clocks.find(ticketId, Commitment.UPDATE)
          .map(c -> c.retargeted(terms.calendar().name(), every, Duration.ZERO).restarted(now, c.metAt()))
          .orElseGet(() -> SlaClock.started(ticketId, Commitment.UPDATE, terms.calendar().name(), every, now));
      clocks.save(schedule.timed(updates));
      clocks.record(ticketId, Commitment.UPDATE, SlaEventType.RESUMED, null, now);
    }
    clocks.prioritise(ticketId, terms.taskPriority());
    return Map.of(ProcessVariables.ESCALATION_LEVEL, ticket.escalationLevel());
  }

  /** The reopened instance runs the branches of the clocks that run again, where its model declares them. */
  public void startBranches(String ticketId) {
    for (Commitment commitment : List.of(Commitment.RESOLUTION, Commitment.UPDATE)) {
      if (clocks.find(ticketId, commitment).filter(c -> !c.isFinished()).isPresent()) {
        timers.startBranch(ticketId, commitment);
      }
    }
  }
}
