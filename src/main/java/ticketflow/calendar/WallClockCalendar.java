package ticketflow.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Wall-clock time: always open, every day lasts 24 hours, time zones and DST changes play no part. */
public final class WallClockCalendar implements SupportCalendar {

  /** The name of the default wall-clock calendar. */
  public static final String DEFAULT_NAME = "24x7";

  private final String name;

  /** The default wall-clock calendar, named {@value #DEFAULT_NAME}. */
  public WallClockCalendar() {
    this(DEFAULT_NAME);
  }

  public WallClockCalendar(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A calendar needs a name");
    }
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Instant plus(Instant start, Duration openTime) {
    Objects.requireNonNull(start, "start");
    Calendars.requireNotNegative(openTime);
    return start.plus(openTime);
  }

  @Override
  public Duration openTimeBetween(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
  }

  @Override
  public Instant nextOpening(Instant at) {
    return Objects.requireNonNull(at, "at");
  }

  @Override
  public Duration businessDay() {
    return Duration.ofHours(24);
  }

  @Override
  public String toString() {
    return name + " (wall clock)";
  }
}
