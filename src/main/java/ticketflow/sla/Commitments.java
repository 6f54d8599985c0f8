package ticketflow.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import ticketflow.account.AccountRepository;
import ticketflow.calendar.SupportCalendars;
import ticketflow.process.ProcessVariables;
import ticketflow.ticket.Priority;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketRepository;

/**
 * Keeps a ticket's response commitments: starts their clocks at triage, stops the first-response clock at the first
 * reply, pauses resolution and updates while the customer is awaited, and follows priority changes. The clocks say
 * how they change ({@link SlaClock}); {@link SlaSchedule} moves the timers with them; {@link Escalation} climbs the
 * ladder when a timer fires.
 */
@Service
public class Commitments {

  private final OnCallPolicy onCall = new OnCallPolicy();
  private final SlaClocks clocks;
  private final TicketRepository tickets;
  private final AccountRepository accounts;
  private final SupportCalendars calendars;
  private final CommitmentsDecision decision;
  private final SlaSchedule schedule;
  private final SlaTimers timers;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Commitments(SlaClocks clocks, TicketRepository tickets, AccountRepository accounts, SupportCalendars calendars,
      CommitmentsDecision decision, SlaSchedule schedule, SlaTimers timers, Clock clock, ApplicationEventPublisher events) {
    this.clocks = clocks;
    this.tickets = tickets;
    this.accounts = accounts;
    this.calendars = calendars;
    this.decision = decision;
    this.schedule = schedule;
    this.timers = timers;
    this.clock = clock;
    this.events = events;
  }

  /** Starts the clocks at triage; answers the process variables that the first task needs. */
  public Map<String, Object> start(String ticketId, Priority priority, String queue, Map<String, Object> tableRow,
      Instant submittedAt) {
    CommitmentTerms terms = decision.terms(priority, tableRow);
    if (terms.firstResponse() == null) {
      throw new IllegalStateException("The commitments table gives priority " + priority + " no first-response target; every priority needs one");
    }
    Map<String, Object> variables = new HashMap<>();
    for (Commitment commitment : Commitment.values()) {
      Duration target = terms.target(commitment);
      if (target != null) {
        clocks.start(schedule.timed(SlaClock.started(ticketId, commitment, terms.calendar().name(), target, submittedAt)),
            terms.taskPriority());
      }
    }
    // No escalationLevel 0: a ticket without one is not escalated (the "Escalated to me" filter asks for ≥ 1), and
    // every variable row costs the intake eleven index entries; Escalation sets it when a ladder climbs. No task
    // priority either: the clocks keep it, the tasks ask SlaDue.
    // Transient: read only when the first task is created, in this transaction (one variable row fewer per ticket).
    variables.put(ProcessVariables.OFFERED_TO, Variables.stringValue(
        String.join(",", onCall.offeredTo(queue, priority, calendars.get(SupportCalendars.BUSINESS), submittedAt)), true));
    return variables;
  }

  /** The agent's first reply went out: first response met, and the update cadence counts from now. */
  public void firstResponseSent(String ticketId) {
    clocks.find(ticketId, Commitment.FIRST_RESPONSE).filter(c -> !c.isFinished()).ifPresent(c -> {
      Instant now = clock.instant();
      clocks.save(c.met(now));
      clocks.record(ticketId, Commitment.FIRST_RESPONSE, SlaEventType.MET, null, now);
      tickets.find(ticketId).ifPresent(t ->
          events.publishEvent(new FirstResponseMet(ticketId, t.priority(), Duration.between(t.createdAt(), now))));
    });
    restartUpdates(ticketId, false);
  }

  /** A later agent reply is the periodic update the customer was promised. */
  public void updateSent(String ticketId) {
    restartUpdates(ticketId, true);
  }

  /** The periodic update is overdue; the next one falls due one cadence later. */
  void updateOverdue(String ticketId) {
    SlaClock c = clocks.find(ticketId, Commitment.UPDATE).orElseThrow();
    clocks.record(ticketId, Commitment.UPDATE, SlaEventType.BREACHED, null, clock.instant());
    SlaClock overdue = c.overdue(schedule.nextUpdate(c));
    clocks.save(overdue);
    events.publishEvent(new UpdateOverdue(ticketId));
  }

  /** The ticket waits on the customer: resolution and update clocks stop, their timers with them. */
  public void waitingOnCustomer(String ticketId) {
    Instant now = clock.instant();
    for (Commitment commitment : List.of(Commitment.RESOLUTION, Commitment.UPDATE)) {
      clocks.find(ticketId, commitment).filter(c -> !c.isFinished() && !c.isPaused()).ifPresent(c -> {
        clocks.save(c.paused(now));
        clocks.record(ticketId, commitment, SlaEventType.PAUSED, null, now);
        schedule.parkTimers(ticketId, commitment);
      });
    }
  }

  /** The customer answered: the resolution clock resumes with the time it had left, updates count from now. */
  public void customerBack(String ticketId) {
    Instant now = clock.instant();
    clocks.find(ticketId, Commitment.RESOLUTION).filter(SlaClock::isPaused).ifPresent(c -> {
      SlaClock resumed = schedule.timed(c.resumed(schedule.waited(c, now), clocks.reachedState(ticketId, Commitment.RESOLUTION)));
      clocks.save(resumed);
      clocks.record(ticketId, Commitment.RESOLUTION, SlaEventType.RESUMED, null, now);
      schedule.moveTimers(resumed);
    });
    clocks.find(ticketId, Commitment.UPDATE).filter(SlaClock::isPaused).ifPresent(c -> {
      clocks.record(ticketId, Commitment.UPDATE, SlaEventType.RESUMED, null, now);
      restartUpdates(ticketId, false);
    });
  }

  /**
   * The ticket closed: resolution met, when the ticket was waiting on the customer at the time the agent handed it
   * over (a proposed solution accepted, or never answered), otherwise now.
   */
  public void closed(String ticketId) {
    Instant now = clock.instant();
    clocks.find(ticketId, Commitment.RESOLUTION).filter(c -> !c.isFinished()).ifPresent(c -> {
      Instant met = c.isPaused() ? c.pausedAt() : now;
      clocks.save(c.met(met));
      clocks.record(ticketId, Commitment.RESOLUTION, SlaEventType.MET, null, met);
    });
    clocks.find(ticketId, Commitment.UPDATE).filter(c -> !c.isFinished()).ifPresent(c -> clocks.save(c.with(SlaState.NONE)));
  }

  /**
   * The priority changed: every running clock takes the new priority's target and calendar from the commitments
   * table (asked with the account's plan and the ticket's queue and channel, as at triage), counted from its original
   * start with the time spent waiting on the customer measured again on the new
   * calendar, and the timers already waiting move. A commitment the old priority did not have gets its branch
   * started; one the new priority lacks is stopped.
   */
  public void priorityChanged(String ticketId, Priority priority) {
    Ticket ticket = tickets.find(ticketId).orElseThrow();
    String plan = accounts.find(ticket.accountId()).map(a -> a.plan().name()).orElse(null);
    CommitmentTerms terms = decision.evaluate(new CommitmentInputs(priority, plan, ticket.queue(),
        ticket.channel() == null ? null : ticket.channel().name()));
    for (Commitment commitment : Commitment.values()) {
      Duration target = terms.target(commitment);
      Optional<SlaClock> existing = clocks.find(ticketId, commitment);
      if (existing.isPresent() && existing.get().isFinished()) {
        continue;
      }
      if (target == null) {
        existing.ifPresent(c -> {
          clocks.save(c.with(SlaState.NONE));
          schedule.cancelTimers(ticketId, commitment);
        });
        continue;
      }
      String calendar = terms.calendar().name();
      SlaClock changed = schedule.timed(existing
          .map(c -> c.retargeted(calendar, target, schedule.pausedOpenTime(calendar, clocks.pauses(ticketId, commitment))))
          .orElseGet(() -> SlaClock.started(ticketId, commitment, calendar, target,
              commitment == Commitment.UPDATE ? clock.instant() : ticket.createdAt())));
      clocks.save(changed);
      if (existing.isEmpty()) {
        if (commitment != Commitment.FIRST_RESPONSE) {
          timers.startBranch(ticketId, commitment);
        }
      } else if (!changed.isPaused()) {
        // A paused clock's timers stay parked; resuming moves them to the new ladder.
        schedule.moveTimers(changed);
      }
    }
    clocks.prioritise(ticketId, terms.taskPriority());
    timers.prioritiseOpenTasks(ticketId, terms.taskPriority());
  }

  private void restartUpdates(String ticketId, boolean recordMet) {
    clocks.find(ticketId, Commitment.UPDATE).filter(c -> c.state() != SlaState.NONE).ifPresent(c -> {
      Instant now = clock.instant();
      SlaClock restarted = schedule.timed(c.restarted(now, recordMet ? now : c.metAt()));
      clocks.save(restarted);
      if (recordMet) {
        clocks.record(ticketId, Commitment.UPDATE, SlaEventType.MET, null, now);
      }
      schedule.moveTimers(restarted);
    });
  }
}
