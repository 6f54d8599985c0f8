package ticketflow.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One commitment's clock on one ticket: its target in open time of its calendar, counted from {@code startedAt},
 * with the open time spent waiting on the customer added back ({@code pausedOpenTime}).
 */
public record SlaClock(String ticketId, Commitment commitment, String calendar, Duration target, Instant startedAt,
    Duration pausedOpenTime, Instant pausedAt, Instant dueAt, SlaState state, Instant metAt) {

  public boolean isFinished() {
    return state == SlaState.MET || state == SlaState.NONE;
  }

  public SlaClock with(SlaState newState) {
    return new SlaClock(ticketId, commitment, calendar, target, startedAt, pausedOpenTime, pausedAt, dueAt, newState, metAt);
  }
}
