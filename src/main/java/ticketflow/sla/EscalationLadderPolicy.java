package ticketflow.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import ticketflow.calendar.SupportCalendar;

/**
 * When each step of the escalation ladder falls due: a share of the target in the calendar's open time, counted
 * from the clock's start, pushed back by the open time the ticket spent waiting on the customer.
 */
public final class EscalationLadderPolicy {

  public Map<LadderStep, Instant> ladder(SupportCalendar calendar, Instant start, Duration target, Duration pausedOpenTime) {
    Map<LadderStep, Instant> ladder = new EnumMap<>(LadderStep.class);
    for (LadderStep step : LadderStep.values()) {
      ladder.put(step, calendar.plus(start, step.of(target).plus(pausedOpenTime)));
    }
    return ladder;
  }

  /** The next periodic update is due one cadence of open time after the last one (or the clock's start). */
  public Instant nextUpdate(SupportCalendar calendar, Instant last, Duration cadence) {
    return calendar.plus(last, cadence);
  }

  /** Open time the customer kept the ticket waiting, from the pause until now. */
  public Duration waited(SupportCalendar calendar, Instant pausedAt, Instant resumedAt) {
    return calendar.openTimeBetween(pausedAt, resumedAt);
  }
}
