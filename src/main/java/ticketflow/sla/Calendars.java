package ticketflow.sla;

import java.time.Duration;
import java.util.Objects;

/** Checks the calendars share. */
final class Calendars {

  private Calendars() {
  }

  static Duration requireNotNegative(Duration openTime) {
    Objects.requireNonNull(openTime, "openTime");
    if (openTime.isNegative()) {
      throw new IllegalArgumentException("Open time must not be negative: " + openTime);
    }
    return openTime;
  }
}
