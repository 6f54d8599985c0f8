package ticketflow.retention;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How long a finished ticket keeps its personal data ({@code ticketflow.retention.closed-tickets}, ISO-8601 period such as
 * {@code P2Y}); the engine's history of a ticket lives as long (in whole days, as Camunda counts it).
 */
record RetentionSettings(Period closedTickets) {

  RetentionSettings {
    if (closedTickets.isNegative() || closedTickets.isZero()) {
      throw new IllegalStateException("ticketflow.retention.closed-tickets must be a positive period: " + closedTickets);
    }
  }

  /** Tickets that ended before this instant are past retention. */
  Instant cutoff(Instant now) {
    return now.atZone(ZoneOffset.UTC).minus(closedTickets).toInstant();
  }

  /** The period in days for Camunda's history time-to-live: a year of 365 days, a month of 30. */
  int historyDays() {
    long days = closedTickets.toTotalMonths() / 12 * 365 + closedTickets.toTotalMonths() % 12 * 30L + closedTickets.getDays();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, days));
  }
}
