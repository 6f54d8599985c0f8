package ticketflow.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One commitment's clock on one ticket: its target in open time of its calendar, counted from {@code startedAt},
 * with the open time spent waiting on the customer added back ({@code pausedOpenTime}). Each transition answers the
 * clock after it; a transition that leaves the due time open ({@code dueAt} null) is timed again by its ladder.
 */
public record SlaClock(String ticketId, Commitment commitment, String calendar, Duration target, Instant startedAt,
    Duration pausedOpenTime, Instant pausedAt, Instant dueAt, SlaState state, Instant metAt) {

  static SlaClock started(String ticketId, Commitment commitment, String calendar, Duration target, Instant at) {
    return new SlaClock(ticketId, commitment, calendar, target, at, Duration.ZERO, null, null, SlaState.RUNNING, null);
  }

  public boolean isFinished() {
    return state == SlaState.MET || state == SlaState.NONE;
  }

  public boolean isPaused() {
    return pausedAt != null;
  }

  public SlaClock with(SlaState newState) {
    return new SlaClock(ticketId, commitment, calendar, target, startedAt, pausedOpenTime, pausedAt, dueAt, newState, metAt);
  }

  SlaClock due(Instant at) {
    return new SlaClock(ticketId, commitment, calendar, target, startedAt, pausedOpenTime, pausedAt, at, state, metAt);
  }

  SlaClock met(Instant at) {
    return new SlaClock(ticketId, commitment, calendar, target, startedAt, pausedOpenTime, null, dueAt, SlaState.MET, at);
  }

  SlaClock paused(Instant at) {
    return new SlaClock(ticketId, commitment, calendar, target, startedAt, pausedOpenTime, at, dueAt, SlaState.PAUSED, metAt);
  }

  /** Back from a pause: the open time waited is added to the target, and the clock takes the state it had. */
  SlaClock resumed(Duration waited, SlaState before) {
    return new SlaClock(ticketId, commitment, calendar, target, startedAt, pausedOpenTime.plus(waited), null, null, before,
        metAt);
  }

  /** A met clock runs again (its ticket reopened), the open time since it was met added to the target. */
  SlaClock reopened(Duration waited, SlaState before) {
    return new SlaClock(ticketId, commitment, calendar, target, startedAt, pausedOpenTime.plus(waited), null, null, before, null);
  }

  /**
   * A new target on a new calendar (a priority change), still counted from the original start, with the open time
   * of the pauses so far measured on the new calendar; a paused clock stays paused.
   */
  SlaClock retargeted(String newCalendar, Duration newTarget, Duration newPausedOpenTime) {
    return new SlaClock(ticketId, commitment, newCalendar, newTarget, startedAt, newPausedOpenTime, pausedAt, null, state, metAt);
  }

  /** The update cadence counts again from {@code at}. */
  SlaClock restarted(Instant at, Instant lastMetAt) {
    return new SlaClock(ticketId, commitment, calendar, target, at, Duration.ZERO, null, null, SlaState.RUNNING, lastMetAt);
  }

  /** The periodic update is overdue; the next one falls due at {@code next}. */
  SlaClock overdue(Instant next) {
    return new SlaClock(ticketId, commitment, calendar, target, startedAt, pausedOpenTime, null, next, SlaState.BREACHED, metAt);
  }
}
