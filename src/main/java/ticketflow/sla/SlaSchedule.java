package ticketflow.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ticketflow.calendar.SupportCalendar;
import ticketflow.calendar.SupportCalendars;
import ticketflow.process.ProcessVariables;

/**
 * When a clock's ladder steps fall due on its calendar, and the timers and process variables that carry them: the
 * timer definitions in the model read the variables, and a clock that changes moves the timers already waiting.
 */
@Component
class SlaSchedule {

  private final EscalationLadderPolicy ladders = new EscalationLadderPolicy();
  private final SupportCalendars calendars;
  private final SlaTimers timers;

  SlaSchedule(SupportCalendars calendars, SlaTimers timers) {
    this.calendars = calendars;
    this.timers = timers;
  }

  /** The clock with its due time set from its ladder (updates: one cadence after the last update). */
  SlaClock timed(SlaClock c) {
    return c.due(c.commitment() == Commitment.UPDATE
        ? ladders.nextUpdate(calendar(c), c.startedAt(), c.target())
        : ladder(c).get(LadderStep.BREACHED));
  }

  /** The next periodic update after an overdue one. */
  Instant nextUpdate(SlaClock overdue) {
    return ladders.nextUpdate(calendar(overdue), overdue.dueAt(), overdue.target());
  }

  /** Open time of the clock's calendar spent waiting on the customer since it paused. */
  Duration waited(SlaClock paused, Instant until) {
    return ladders.waited(calendar(paused), paused.pausedAt(), until);
  }

  /** The variables the commitment's timers read; all null when the ticket has no such commitment. */
  Map<String, Object> variables(Commitment commitment, SlaClock c) {
    Map<String, Object> v = new HashMap<>();
    if (commitment == Commitment.UPDATE) {
      v.put(ProcessVariables.UPDATE_DUE_AT, c == null ? null : Date.from(c.dueAt()));
      return v;
    }
    Map<LadderStep, Instant> ladder = c == null ? Map.of() : ladder(c);
    boolean first = commitment == Commitment.FIRST_RESPONSE;
    v.put(first ? ProcessVariables.FIRST_RESPONSE_AT_RISK_AT : ProcessVariables.RESOLUTION_AT_RISK_AT,
        date(ladder.get(LadderStep.AT_RISK)));
    v.put(first ? ProcessVariables.FIRST_RESPONSE_DUE_AT : ProcessVariables.RESOLUTION_DUE_AT,
        date(ladder.get(LadderStep.BREACHED)));
    v.put(first ? ProcessVariables.FIRST_RESPONSE_LEVEL_2_AT : ProcessVariables.RESOLUTION_LEVEL_2_AT,
        date(ladder.get(LadderStep.LEVEL_2)));
    return v;
  }

  /** The waiting timers of the clock take its new times, and so do the variables. */
  void moveTimers(SlaClock c) {
    if (c.commitment() == Commitment.UPDATE) {
      timers.move(c.ticketId(), SlaTimers.UPDATE_DUE, c.dueAt());
    } else {
      ladder(c).forEach((step, at) -> timers.move(c.ticketId(), SlaTimers.TIMERS.get(c.commitment()).get(step), at));
    }
    timers.setVariables(c.ticketId(), variables(c.commitment(), c));
  }

  void parkTimers(String ticketId, Commitment commitment) {
    timers.pause(ticketId, timersOf(commitment));
  }

  void cancelTimers(String ticketId, Commitment commitment) {
    timers.cancelBranch(ticketId, timersOf(commitment));
  }

  private Map<LadderStep, Instant> ladder(SlaClock c) {
    return ladders.ladder(calendar(c), c.startedAt(), c.target(), c.pausedOpenTime());
  }

  private static List<String> timersOf(Commitment commitment) {
    return commitment == Commitment.UPDATE ? List.of(SlaTimers.UPDATE_DUE) : List.copyOf(SlaTimers.TIMERS.get(commitment).values());
  }

  SupportCalendar calendar(SlaClock c) {
    return calendars.get(c.calendar());
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
