package ticketflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code plus} and {@code openTimeBetween} undo each other, checked over a few hundred seeded random instants
 * and targets from 2026 to 2028 (weekends, holidays and four DST changes included).
 */
@DisplayName("Adding open time and measuring it undo each other")
class OpenTimeInverseTest {

  static final int SAMPLES = 400;
  static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final long SPAN_SECONDS = Duration.ofDays(3 * 365).toSeconds();

  static Stream<SupportCalendar> calendars() {
    return Stream.of(WorkingHoursCalendar.usBusinessHours(), new WallClockCalendar(),
        new WorkingHoursCalendar("emea", ZoneId.of("Europe/Berlin"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0), LocalTime.of(16, 0), Holidays.of(List.of(), List.of(LocalDate.of(2026, 12, 24)), List.of())));
  }

  @ParameterizedTest(name = "{0}: the open time up to plus(a, d) is d")
  @MethodSource("calendars")
  void openTimeUpToTheDueTimeIsTheTarget(SupportCalendar calendar) {
    Random random = new Random(20260308L);
    for (int i = 0; i < SAMPLES; i++) {
      Instant a = randomInstant(random);
      Duration d = Duration.ofSeconds(random.nextInt((int) Duration.ofHours(300).toSeconds()));

      Instant due = calendar.plus(a, d);

      assertThat(calendar.openTimeBetween(a, due)).as("open time from %s to %s", a, due).isEqualTo(d);
      assertThat(calendar.isOpen(due) || d.isZero() || !calendar.isOpen(due.minusSeconds(1)))
          .as("%s + %s = %s falls inside open hours or at a closing", a, d, due).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}: plus(a, openTimeBetween(a, b)) is b when b is open")
  @MethodSource("calendars")
  void addingTheOpenTimeBetweenTwoInstantsLeadsBack(SupportCalendar calendar) {
    Random random = new Random(20261101L);
    int openEnds = 0;
    for (int i = 0; i < SAMPLES; i++) {
      Instant a = randomInstant(random);
      Instant b = a.plusSeconds(random.nextInt((int) Duration.ofDays(30).toSeconds()));

      Duration between = calendar.openTimeBetween(a, b);
      Instant back = calendar.plus(a, between);

      if (calendar.isOpen(b)) {
        openEnds++;
        assertThat(back).as("from %s to open %s and back", a, b).isEqualTo(b);
      } else if (between.isZero()) {
        assertThat(back).as("no open time from %s to closed %s: the next opening", a, b)
            .isEqualTo(calendar.nextOpening(a)).isAfter(b);
      } else {
        assertThat(back).as("from %s to closed %s and back: the closing before b", a, b).isBefore(b);
        assertThat(calendar.isOpen(back.minusNanos(1))).isTrue();
        assertThat(calendar.openTimeBetween(back, b)).isZero();
      }
    }
    assertThat(openEnds).as("enough of the samples end in open hours").isGreaterThan(SAMPLES / 10);
  }

  @Test
  @DisplayName("an opening instant after open time is reached at the closing before it, with the same open time")
  void openingAfterOpenTimeIsReachedAtThePrecedingClosing() {
    SupportCalendar business = WorkingHoursCalendar.usBusinessHours();
    Instant fridayMorning = BusinessCalendarTest.la("2026-03-13T09:00");
    Instant mondayMorning = BusinessCalendarTest.la("2026-03-16T09:00");

    Duration between = business.openTimeBetween(fridayMorning, mondayMorning);

    assertThat(between).isEqualTo(Duration.ofHours(8));
    assertThat(business.plus(fridayMorning, between)).isEqualTo(BusinessCalendarTest.la("2026-03-13T17:00"));
  }

  static Instant randomInstant(Random random) {
    return FROM.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
  }
}
