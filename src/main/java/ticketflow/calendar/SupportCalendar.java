package ticketflow.calendar;

import java.time.Duration;
import java.time.Instant;

/**
 * When a support organisation counts time towards a response commitment. A calendar is either always open
 * ({@link WallClockCalendar}, {@code 24x7}) or open during working hours ({@link WorkingHoursCalendar},
 * {@code business}); commitments in business time only advance while it is open.
 *
 * <p>Open hours are half-open intervals: a calendar that opens at 09:00 and closes at 17:00 is open at 09:00
 * and closed at 17:00.
 */
public interface SupportCalendar {

  /** The name operators and decision tables use, such as {@code business} or {@code 24x7}. */
  String name();

  /**
   * The instant at which {@code openTime} of this calendar's open time has elapsed, counting from
   * {@code start}. A start outside open hours starts counting at the next opening, so
   * {@code plus(start, Duration.ZERO)} is {@link #nextOpening(Instant) nextOpening(start)}. A target that is
   * used up exactly at a closing is due at that closing, not at the next opening.
   *
   * @throws IllegalArgumentException when {@code openTime} is negative
   */
  Instant plus(Instant start, Duration openTime);

  /**
   * The open time between two instants; {@link Duration#ZERO} when {@code to} is not after {@code from}. The
   * inverse of {@link #plus}: {@code openTimeBetween(a, plus(a, d)) == d} for every {@code d >= 0}, and
   * {@code plus(a, openTimeBetween(a, b)) == b} whenever {@code a <= b} and {@code b} is inside open hours
   * (other than an opening instant preceded by open time, where {@code plus} answers the preceding closing,
   * which has the same open time behind it).
   */
  Duration openTimeBetween(Instant from, Instant to);

  /** {@code at} itself when the calendar is open then, otherwise the next instant it opens. */
  Instant nextOpening(Instant at);

  /** How long "a day" of this calendar is: 8 hours for the business calendar, 24 hours for wall-clock time. */
  Duration businessDay();

  /** Whether the calendar is open at {@code at}. */
  default boolean isOpen(Instant at) {
    return nextOpening(at).equals(at);
  }
}
