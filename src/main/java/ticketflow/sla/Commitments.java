package ticketflow.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import ticketflow.notification.Notifications;
import ticketflow.report.TicketMetrics;
import ticketflow.security.Groups;
import ticketflow.ticket.TicketRepository;

/**
 * Keeps a ticket's response commitments: starts their clocks at triage, climbs the escalation ladder, pauses the
 * resolution clock while the customer is awaited, and follows priority changes by moving the waiting timers.
 */
@Service
public class Commitments {

  private final EscalationLadderPolicy ladders = new EscalationLadderPolicy();
  private final OnCallPolicy onCall = new OnCallPolicy();
  private final SlaClocks clocks;
  private final TicketRepository tickets;
  private final SupportCalendars calendars;
  private final CommitmentsDecision decision;
  private final SlaTimers timers;
  private final Clock clock;
  private final Notifications notifications;
  private final TicketMetrics metrics;

  Commitments(SlaClocks clocks, TicketRepository tickets, SupportCalendars calendars, CommitmentsDecision decision,
      SlaTimers timers, Clock clock, Notifications notifications, TicketMetrics metrics) {
    this.clocks = clocks;
    this.tickets = tickets;
    this.calendars = calendars;
    this.decision = decision;
    this.timers = timers;
    this.clock = clock;
    this.notifications = notifications;
    this.metrics = metrics;
  }

  /** Starts the clocks at triage; answers the process variables that the timers and the first task need. */
  public Map<String, Object> start(String ticketId, String priority, String queue, Map<String, Object> tableRow, Instant submittedAt) {
    CommitmentTerms terms = decision.terms(priority, tableRow);
    if (terms.firstResponse() == null) {
      throw new IllegalStateException("The commitments table gives priority " + priority + " no first-response target; every priority needs one");
    }
    Map<String, Object> variables = new HashMap<>();
    for (Commitment commitment : Commitment.values()) {
      Duration target = terms.target(commitment);
      SlaClock started = target == null ? null
          : timed(new SlaClock(ticketId, commitment, terms.calendar().name(), target, submittedAt, Duration.ZERO, null, null,
              SlaState.RUNNING, null));
      if (started != null) {
        clocks.save(started);
      }
      variables.putAll(timerVariables(commitment, started));
    }
    variables.put("escalationLevel", 0);
    variables.put("offeredTo", String.join(",", onCall.offeredTo(queue, priority, calendars.get(SupportCalendars.BUSINESS), submittedAt)));
    return variables;
  }

  /** A ladder timer fired: warn (75 %), escalate to leads (100 %) or to managers (150 %). */
  public void reached(String ticketId, Commitment commitment, LadderStep step) {
    Optional<SlaClock> found = clocks.find(ticketId, commitment);
    if (found.isEmpty() || found.get().isFinished()) {
      return;
    }
    SlaClock c = found.get();
    Instant now = clock.instant();
    switch (step) {
      case AT_RISK -> {
        clocks.record(ticketId, commitment, SlaEventType.AT_RISK, null, now);
        metrics.atRisk(commitment.name());
        if (c.state() == SlaState.RUNNING) {
          clocks.save(c.with(SlaState.AT_RISK));
        }
      }
      case BREACHED -> {
        clocks.record(ticketId, commitment, SlaEventType.BREACHED, null, now);
        metrics.breached(commitment.name());
        clocks.record(ticketId, commitment, SlaEventType.ESCALATED, 1, now);
        clocks.save(c.with(SlaState.BREACHED));
        tickets.raiseEscalationLevel(ticketId, 1);
        timers.setVariables(ticketId, Map.of("escalationLevel", escalationLevel(ticketId)));
        boolean urgent = tickets.find(ticketId).map(t -> t.priority() != null && t.priority().name().equals("P1")).orElse(false);
        timers.offerOpenTasks(ticketId, urgent ? List.of(Groups.SUPPORT_LEADS, Groups.ENGINEERING_ONCALL) : List.of(Groups.SUPPORT_LEADS));
      }
      case LEVEL_2 -> {
        clocks.record(ticketId, commitment, SlaEventType.ESCALATED, 2, now);
        tickets.raiseEscalationLevel(ticketId, 2);
        timers.setVariables(ticketId, Map.of("escalationLevel", escalationLevel(ticketId)));
        timers.offerOpenTasks(ticketId, List.of(Groups.SUPPORT_MANAGERS));
      }
    }
    notifications.slaReached(ticketId, commitment.name(), step.name(), c.dueAt());
  }

  /** The agent's first reply went out: first response met, and the update cadence counts from now. */
  public void firstResponseSent(String ticketId) {
    clocks.find(ticketId, Commitment.FIRST_RESPONSE).filter(c -> !c.isFinished()).ifPresent(c -> {
      Instant now = clock.instant();
      clocks.save(new SlaClock(ticketId, c.commitment(), c.calendar(), c.target(), c.startedAt(), c.pausedOpenTime(), null,
          c.dueAt(), SlaState.MET, now));
      clocks.record(ticketId, Commitment.FIRST_RESPONSE, SlaEventType.MET, null, now);
      tickets.find(ticketId).ifPresent(t -> metrics.firstResponse(t.priority() == null ? null : t.priority().name(),
          Duration.between(t.createdAt(), now)));
    });
    restartUpdates(ticketId, false);
  }

  /** A later agent reply is the periodic update the customer was promised. */
  public void updateSent(String ticketId) {
    restartUpdates(ticketId, true);
  }

  /** The periodic update is overdue; answers when the next one falls due. */
  public Date updateOverdue(String ticketId) {
    SlaClock c = clocks.find(ticketId, Commitment.UPDATE).orElseThrow();
    Instant now = clock.instant();
    clocks.record(ticketId, Commitment.UPDATE, SlaEventType.BREACHED, null, now);
    metrics.breached(Commitment.UPDATE.name());
    Instant next = ladders.nextUpdate(calendar(c), c.dueAt(), c.target());
    clocks.save(new SlaClock(ticketId, c.commitment(), c.calendar(), c.target(), c.startedAt(), c.pausedOpenTime(), null, next,
        SlaState.BREACHED, c.metAt()));
    return Date.from(next);
  }

  /** The ticket waits on the customer: resolution and update clocks stop, their timers with them. */
  public void waitingOnCustomer(String ticketId) {
    Instant now = clock.instant();
    for (Commitment commitment : List.of(Commitment.RESOLUTION, Commitment.UPDATE)) {
      clocks.find(ticketId, commitment).filter(c -> !c.isFinished() && c.pausedAt() == null).ifPresent(c -> {
        clocks.save(new SlaClock(ticketId, commitment, c.calendar(), c.target(), c.startedAt(), c.pausedOpenTime(), now,
            c.dueAt(), SlaState.PAUSED, c.metAt()));
        clocks.record(ticketId, commitment, SlaEventType.PAUSED, null, now);
        timers.pause(ticketId, timersOf(commitment));
      });
    }
  }

  /** The customer answered: the resolution clock resumes with the time it had left, updates count from now. */
  public void customerBack(String ticketId) {
    Instant now = clock.instant();
    clocks.find(ticketId, Commitment.RESOLUTION).filter(c -> c.pausedAt() != null).ifPresent(c -> {
      SupportCalendar calendar = calendar(c);
      Duration paused = c.pausedOpenTime().plus(ladders.waited(calendar, c.pausedAt(), now));
      SlaClock resumed = timed(new SlaClock(ticketId, c.commitment(), c.calendar(), c.target(), c.startedAt(), paused, null,
          null, stateBeforePause(ticketId, Commitment.RESOLUTION), c.metAt()));
      clocks.save(resumed);
      clocks.record(ticketId, Commitment.RESOLUTION, SlaEventType.RESUMED, null, now);
      moveTimers(resumed);
    });
    clocks.find(ticketId, Commitment.UPDATE).filter(c -> c.pausedAt() != null).ifPresent(c -> {
      clocks.record(ticketId, Commitment.UPDATE, SlaEventType.RESUMED, null, now);
      restartUpdates(ticketId, false);
    });
  }

  /** The ticket closed: resolution met. */
  public void closed(String ticketId) {
    Instant now = clock.instant();
    clocks.find(ticketId, Commitment.RESOLUTION).filter(c -> !c.isFinished()).ifPresent(c -> {
      clocks.save(new SlaClock(ticketId, c.commitment(), c.calendar(), c.target(), c.startedAt(), c.pausedOpenTime(), null,
          c.dueAt(), SlaState.MET, now));
      clocks.record(ticketId, Commitment.RESOLUTION, SlaEventType.MET, null, now);
    });
    clocks.find(ticketId, Commitment.UPDATE).filter(c -> !c.isFinished()).ifPresent(c -> clocks.save(c.with(SlaState.NONE)));
  }

  /**
   * The priority changed: every running clock takes the new priority's target from the commitments table, counted
   * from its original start, and the timers already waiting move. A commitment the old priority did not have gets
   * its branch started; one the new priority lacks is stopped.
   */
  public void priorityChanged(String ticketId, String priority) {
    CommitmentTerms terms = decision.evaluate(priority);
    Instant submittedAt = tickets.find(ticketId).orElseThrow().createdAt();
    for (Commitment commitment : Commitment.values()) {
      Duration target = terms.target(commitment);
      Optional<SlaClock> existing = clocks.find(ticketId, commitment);
      if (existing.isPresent() && existing.get().isFinished()) {
        continue;
      }
      if (target == null) {
        existing.ifPresent(c -> {
          clocks.save(c.with(SlaState.NONE));
          timers.cancelBranch(ticketId, timersOf(commitment));
        });
        continue;
      }
      SlaClock changed = existing
          .map(c -> timed(new SlaClock(ticketId, commitment, terms.calendar().name(), target, c.startedAt(), c.pausedOpenTime(),
              c.pausedAt(), null, c.state(), c.metAt())))
          .orElseGet(() -> timed(new SlaClock(ticketId, commitment, terms.calendar().name(), target,
              commitment == Commitment.UPDATE ? clock.instant() : submittedAt, Duration.ZERO, null, null, SlaState.RUNNING, null)));
      clocks.save(changed);
      timers.setVariables(ticketId, timerVariables(commitment, changed));
      if (existing.isPresent() && changed.pausedAt() == null) {
        moveTimers(changed);
      } else if (existing.isPresent()) {
        // Paused: the timers stay parked; resuming moves them to the new ladder.
        continue;
      } else if (commitment != Commitment.FIRST_RESPONSE) {
        timers.startBranch(ticketId, commitment);
      }
    }
  }

  /**
   * Open tasks take the due dates of their commitments again (Tasklist sorts by them). Not for a task being
   * completed right now: its update would clash with its removal in the same transaction.
   */
  public void openTasksFollowCommitments(String ticketId) {
    Map<String, Instant> due = new HashMap<>();
    clocks.find(ticketId, Commitment.FIRST_RESPONSE).filter(c -> c.dueAt() != null).ifPresent(c -> due.put("FirstResponse", c.dueAt()));
    clocks.find(ticketId, Commitment.RESOLUTION).filter(c -> c.dueAt() != null && c.pausedAt() == null).ifPresent(c -> {
      due.put("WorkTicket", c.dueAt());
      due.put("InvestigateIssue", c.dueAt());
    });
    timers.dueOpenTasks(ticketId, due);
  }

  private int escalationLevel(String ticketId) {
    return tickets.find(ticketId).map(t -> t.escalationLevel()).orElse(0);
  }

  private void restartUpdates(String ticketId, boolean recordMet) {
    clocks.find(ticketId, Commitment.UPDATE).filter(c -> c.state() != SlaState.NONE).ifPresent(c -> {
      Instant now = clock.instant();
      SlaClock restarted = timed(new SlaClock(ticketId, c.commitment(), c.calendar(), c.target(), now, Duration.ZERO, null, null,
          SlaState.RUNNING, recordMet ? now : c.metAt()));
      clocks.save(restarted);
      if (recordMet) {
        clocks.record(ticketId, Commitment.UPDATE, SlaEventType.MET, null, now);
      }
      moveTimers(restarted);
    });
  }

  /** The clock with its due date set from its ladder (updates: one cadence after the last update). */
  private SlaClock timed(SlaClock c) {
    Instant due = c.commitment() == Commitment.UPDATE
        ? ladders.nextUpdate(calendar(c), c.startedAt(), c.target())
        : ladders.ladder(calendar(c), c.startedAt(), c.target(), c.pausedOpenTime()).get(LadderStep.BREACHED);
    return new SlaClock(c.ticketId(), c.commitment(), c.calendar(), c.target(), c.startedAt(), c.pausedOpenTime(), c.pausedAt(),
        due, c.state(), c.metAt());
  }

  private void moveTimers(SlaClock c) {
    if (c.commitment() == Commitment.UPDATE) {
      timers.move(c.ticketId(), SlaTimers.UPDATE_DUE, c.dueAt());
    } else {
      ladders.ladder(calendar(c), c.startedAt(), c.target(), c.pausedOpenTime())
          .forEach((step, at) -> timers.move(c.ticketId(), SlaTimers.TIMERS.get(c.commitment()).get(step), at));
    }
    timers.setVariables(c.ticketId(), timerVariables(c.commitment(), c));
  }

  private Map<String, Object> timerVariables(Commitment commitment, SlaClock c) {
    Map<String, Object> v = new HashMap<>();
    String prefix = switch (commitment) {
      case FIRST_RESPONSE -> "firstResponse";
      case RESOLUTION -> "resolution";
      case UPDATE -> "update";
    };
    if (commitment == Commitment.UPDATE) {
      v.put("updateDueAt", c == null ? null : Date.from(c.dueAt()));
      return v;
    }
    Map<LadderStep, Instant> ladder = c == null ? Map.of() : ladders.ladder(calendar(c), c.startedAt(), c.target(), c.pausedOpenTime());
    v.put(prefix + "AtRiskAt", date(ladder.get(LadderStep.AT_RISK)));
    v.put(prefix + "DueAt", date(ladder.get(LadderStep.BREACHED)));
    v.put(prefix + "Level2At", date(ladder.get(LadderStep.LEVEL_2)));
    return v;
  }

  private List<String> timersOf(Commitment commitment) {
    return commitment == Commitment.UPDATE ? List.of(SlaTimers.UPDATE_DUE) : List.copyOf(SlaTimers.TIMERS.get(commitment).values());
  }

  private SlaState stateBeforePause(String ticketId, Commitment commitment) {
    if (clocks.happened(ticketId, commitment, SlaEventType.BREACHED)) {
      return SlaState.BREACHED;
    }
    return clocks.happened(ticketId, commitment, SlaEventType.AT_RISK) ? SlaState.AT_RISK : SlaState.RUNNING;
  }

  private SupportCalendar calendar(SlaClock c) {
    return calendars.get(c.calendar());
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
