package ticketflow.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Open on the given days of the week between {@code opens} and {@code closes} local time in {@code zone},
 * except on holidays. Opening and closing are local times, so a 09:00 opening is 09:00 on both sides of a
 * DST change. Targets are counted a day at a time, so a target of weeks costs a few dozen steps.
 */
public final class WorkingHoursCalendar implements SupportCalendar {

  /** A calendar that has not opened for this many days in a row never will (every weekday a holiday). */
  private static final int MAX_CLOSED_DAYS = 3_660;

  private final String name;
  private final ZoneId zone;
  private final Set<DayOfWeek> days;
  private final LocalTime opens;
  private final LocalTime closes;
  private final Holidays holidays;

  /**
   * @throws IllegalArgumentException when the name is blank, there are no days or {@code closes} is not after
   *     {@code opens}
   */
  public WorkingHoursCalendar(
      String name, ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes, Holidays holidays) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A calendar needs a name");
    }
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(opens, "opens");
    Objects.requireNonNull(closes, "closes");
    Objects.requireNonNull(holidays, "holidays");
    if (days == null || days.isEmpty()) {
      throw new IllegalArgumentException("Calendar '" + name + "' must be open on at least one day of the week");
    }
    if (!closes.isAfter(opens)) {
      throw new IllegalArgumentException(
          "Calendar '" + name + "' closes at " + closes + ", which is not after it opens at " + opens);
    }
    this.name = name;
    this.zone = zone;
    this.days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    this.opens = opens;
    this.closes = closes;
    this.holidays = holidays;
  }

  /** The default {@code business} calendar: Monday to Friday 09:00–17:00 in Los Angeles, US federal holidays. */
  public static WorkingHoursCalendar usBusinessHours() {
    return new WorkingHoursCalendar("business", ZoneId.of("America/Los_Angeles"),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
        Holidays.US_FEDERAL);
  }

  @Override
  public String name() {
    return name;
  }

  public ZoneId zone() {
    return zone;
  }

  public Set<DayOfWeek> days() {
    return days;
  }

  public LocalTime opens() {
    return opens;
  }

  public LocalTime closes() {
    return closes;
  }

  public Holidays holidays() {
    return holidays;
  }

  /** Whether the calendar opens at all on {@code date}: one of its days and not a holiday. */
  public boolean isWorkingDay(LocalDate date) {
    return days.contains(date.getDayOfWeek()) && !holidays.isHoliday(date);
  }

  @Override
  public Instant plus(Instant start, Duration openTime) {
    Objects.requireNonNull(start, "start");
    Duration remaining = Calendars.requireNotNegative(openTime);
    LocalDate date = LocalDate.ofInstant(start, zone);
    int closedDays = 0;
    while (true) {
      if (isWorkingDay(date)) {
        closedDays = 0;
        Instant opening = openingOn(date);
        Instant closing = closingOn(date);
        if (start.isBefore(closing)) {
          Instant from = start.isAfter(opening) ? start : opening;
          Duration available = Duration.between(from, closing);
          if (remaining.compareTo(available) <= 0) {
            return from.plus(remaining);
          }
          remaining = remaining.minus(available);
        }
      } else if (++closedDays > MAX_CLOSED_DAYS) {
        throw neverOpens(start);
      }
      date = date.plusDays(1);
    }
  }

  @Override
  public Duration openTimeBetween(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    LocalDate last = LocalDate.ofInstant(to, zone);
    for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
      if (isWorkingDay(date)) {
        Instant opening = openingOn(date);
        Instant closing = closingOn(date);
        Instant begin = from.isAfter(opening) ? from : opening;
        Instant end = to.isBefore(closing) ? to : closing;
        if (end.isAfter(begin)) {
          total = total.plus(Duration.between(begin, end));
        }
      }
    }
    return total;
  }

  @Override
  public Instant nextOpening(Instant at) {
    Objects.requireNonNull(at, "at");
    LocalDate date = LocalDate.ofInstant(at, zone);
    int closedDays = 0;
    while (true) {
      if (isWorkingDay(date)) {
        closedDays = 0;
        if (at.isBefore(closingOn(date))) {
          Instant opening = openingOn(date);
          return at.isAfter(opening) ? at : opening;
        }
      } else if (++closedDays > MAX_CLOSED_DAYS) {
        throw neverOpens(at);
      }
      date = date.plusDays(1);
    }
  }

  /** The length of the working day in local time: 8 hours for 09:00–17:00. */
  @Override
  public Duration businessDay() {
    return Duration.between(opens, closes);
  }

  /** Opening on {@code date}; an opening inside a DST gap moves forward by the length of the gap. */
  private Instant openingOn(LocalDate date) {
    return ZonedDateTime.of(date, opens, zone).toInstant();
  }

  private Instant closingOn(LocalDate date) {
    return ZonedDateTime.of(date, closes, zone).toInstant();
  }

  private IllegalStateException neverOpens(Instant from) {
    return new IllegalStateException("Calendar '" + name + "' does not open in the ten years after " + from);
  }

  @Override
  public String toString() {
    return name + " (" + zone + ", " + days.stream().map(DayOfWeek::toString).collect(Collectors.joining(","))
        + " " + opens + "–" + closes + ")";
  }
}
