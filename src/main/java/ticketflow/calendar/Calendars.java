package ticketflow.calendar;

import java.time.Duration;
import java.util.Objects;

/** Checks the calendars share. */
public final class Calendars {

  private Calendars() {
  }

  public static Duration requireNotNegative(Duration openTime) {
    Objects.requireNonNull(openTime, "openTime");
    if (openTime.isNegative()) {
      throw new IllegalArgumentException("Open time must not be negative: " + openTime);
    }
    return openTime;
  }
}
