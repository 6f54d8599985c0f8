package ticketflow.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ticketflow.calendar.SupportCalendar;

/**
 * Reads the commitment targets of the commitments decision table: ISO-8601 durations such as {@code PT1H},
 * {@code PT4H}, {@code P1D}, {@code P3D} or {@code P1DT4H}, where a day is a day of the calendar the commitment
 * is kept in ({@link SupportCalendar#businessDay()}): {@code P1D} is 8 open hours on the business calendar and
 * 24 hours on {@code 24x7}.
 */
public final class CommitmentTargets {

  /** Days, then optionally a time part of hours, minutes and (fractional) seconds; no years, months or weeks. */
  private static final Pattern TARGET =
      Pattern.compile("P(?:(\\d+)D)?(T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:[.,]\\d{1,9})?S)?)?");

  private CommitmentTargets() {
  }

  /**
   * The open time {@code iso8601} stands for in {@code calendar}; null for null or blank (no commitment).
   *
   * @throws IllegalArgumentException naming the value when it is not a duration of days, hours, minutes and
   *     seconds
   */
  public static Duration parse(String iso8601, SupportCalendar calendar) {
    Objects.requireNonNull(calendar, "calendar");
    if (iso8601 == null || iso8601.isBlank()) {
      return null;
    }
    String text = iso8601.trim().toUpperCase(Locale.ROOT);
    Matcher matcher = TARGET.matcher(text);
    if (!matcher.matches() || (matcher.group(1) == null && matcher.group(2) == null)) {
      throw invalid(iso8601, null);
    }
    try {
      Duration target = Duration.ZERO;
      if (matcher.group(1) != null) {
        target = calendar.businessDay().multipliedBy(Long.parseLong(matcher.group(1)));
      }
      if (matcher.group(2) != null) {
        target = target.plus(Duration.parse("P" + matcher.group(2)));
      }
      return target;
    } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
      throw invalid(iso8601, e);
    }
  }

  private static IllegalArgumentException invalid(String value, Exception cause) {
    return new IllegalArgumentException("Commitment target '" + value + "' is not an ISO-8601 duration of days, "
        + "hours, minutes and seconds such as PT4H, P1D or P1DT4H", cause);
  }
}
