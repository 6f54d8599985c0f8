package ticketflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@code business} calendar: Monday to Friday 09:00–17:00 in
 * America/Los_Angeles, minus the US federal holidays, DST-correct. Times are Los Angeles local time.
 */
@DisplayName("The business calendar counts only business hours")
class BusinessCalendarTest {

  static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  final SupportCalendar business = WorkingHoursCalendar.usBusinessHours();

  static Instant la(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LA).toInstant();
  }

  static Duration hours(long hours) {
    return Duration.ofHours(hours);
  }

  @Nested
  @DisplayName("over a weekend")
  class Weekends {

    @Test
    @DisplayName("Friday 16:30 plus one business hour is Monday 09:30")
    void fridayAfternoonRunsIntoMonday() {
      assertThat(business.plus(la("2026-03-13T16:30"), hours(1))).isEqualTo(la("2026-03-16T09:30"));
    }

    @Test
    @DisplayName("a target used up exactly at closing is due at closing, not at the next opening")
    void aFullDayFromTheOpeningEndsAtTheClosing() {
      assertThat(business.plus(la("2026-03-13T09:00"), hours(8))).isEqualTo(la("2026-03-13T17:00"));
    }
  }

  @Nested
  @DisplayName("outside business hours counting starts at the next opening")
  class OutsideHours {

    @Test
    @DisplayName("a ticket submitted on Saturday with one business hour is due Monday 10:00")
    void submittedOnSaturday() {
      assertThat(business.plus(la("2026-03-14T11:00"), hours(1))).isEqualTo(la("2026-03-16T10:00"));
    }

    @Test
    @DisplayName("a ticket submitted at 08:00 on Monday with one business hour is due Monday 10:00")
    void submittedBeforeTheOpening() {
      assertThat(business.plus(la("2026-03-16T08:00"), hours(1))).isEqualTo(la("2026-03-16T10:00"));
    }

    @Test
    @DisplayName("a ticket submitted at closing time starts counting the next working morning")
    void submittedAtClosing() {
      assertThat(business.plus(la("2026-03-16T17:00"), hours(1))).isEqualTo(la("2026-03-17T10:00"));
    }

    @Test
    @DisplayName("no open time from Saturday is the next opening, on Monday 09:00")
    void zeroFromSaturdayIsTheNextOpening() {
      assertThat(business.plus(la("2026-03-14T11:00"), Duration.ZERO)).isEqualTo(la("2026-03-16T09:00"));
      assertThat(business.nextOpening(la("2026-03-14T11:00"))).isEqualTo(la("2026-03-16T09:00"));
    }

    @Test
    @DisplayName("during business hours the next opening is now")
    void openNow() {
      assertThat(business.nextOpening(la("2026-03-16T11:15"))).isEqualTo(la("2026-03-16T11:15"));
      assertThat(business.isOpen(la("2026-03-16T09:00"))).isTrue();
      assertThat(business.isOpen(la("2026-03-16T17:00"))).isFalse();
    }
  }

  @Nested
  @DisplayName("holidays are skipped")
  class HolidaysAreSkipped {

    @Test
    @DisplayName("Wednesday before Thanksgiving 16:00 plus 2 business hours is Friday 10:00")
    void thanksgiving() {
      assertThat(business.plus(la("2026-11-25T16:00"), hours(2))).isEqualTo(la("2026-11-27T10:00"));
    }

    @Test
    @DisplayName("Independence Day 2026 is a Saturday, observed Friday July 3: Thursday 16:00 + 2h is Monday 10:00")
    void observedIndependenceDay() {
      assertThat(business.plus(la("2026-07-02T16:00"), hours(2))).isEqualTo(la("2026-07-06T10:00"));
    }

    @Test
    @DisplayName("Christmas 2027 is a Saturday, observed Friday December 24: Thursday 16:00 + 2h is Monday 10:00")
    void observedChristmas() {
      assertThat(business.plus(la("2027-12-23T16:00"), hours(2))).isEqualTo(la("2027-12-27T10:00"));
    }

    @Test
    @DisplayName("New Year 2028 is a Saturday, observed Friday 2027-12-31: Thursday 16:00 + 2h is Monday 2028-01-03 10:00")
    void observedNewYearInThePreviousYear() {
      assertThat(business.plus(la("2027-12-30T16:00"), hours(2))).isEqualTo(la("2028-01-03T10:00"));
    }
  }

  @Nested
  @DisplayName("DST changes keep the local opening hours")
  class DaylightSavingTime {

    @Test
    @DisplayName("spring forward (2026-03-08): Friday 16:00 + 2h is Monday 10:00 PDT, 17:00Z")
    void springForward() {
      Instant due = business.plus(la("2026-03-06T16:00"), hours(2));

      assertThat(due).isEqualTo(la("2026-03-09T10:00")).isEqualTo(Instant.parse("2026-03-09T17:00:00Z"));
      assertThat(la("2026-03-06T16:00")).isEqualTo(Instant.parse("2026-03-07T00:00:00Z"));
    }

    @Test
    @DisplayName("fall back (2026-11-01): Friday 16:00 + 2h is Monday 10:00 PST, 18:00Z")
    void fallBack() {
      Instant due = business.plus(la("2026-10-30T16:00"), hours(2));

      assertThat(due).isEqualTo(la("2026-11-02T10:00")).isEqualTo(Instant.parse("2026-11-02T18:00:00Z"));
      assertThat(la("2026-10-30T16:00")).isEqualTo(Instant.parse("2026-10-30T23:00:00Z"));
    }

    @Test
    @DisplayName("the two weeks around a DST change count 8 open hours a day, never 7 or 9")
    void dstWeeksHaveEightHourDays() {
      assertThat(business.openTimeBetween(la("2026-03-02T00:00"), la("2026-03-14T00:00"))).isEqualTo(hours(80));
      assertThat(business.openTimeBetween(la("2026-10-26T00:00"), la("2026-11-07T00:00"))).isEqualTo(hours(80));
    }
  }

  @Nested
  @DisplayName("open time between two instants")
  class OpenTimeBetween {

    @Test
    @DisplayName("from Friday 16:30 to Monday 09:30 is one business hour")
    void overAWeekend() {
      assertThat(business.openTimeBetween(la("2026-03-13T16:30"), la("2026-03-16T09:30"))).isEqualTo(hours(1));
    }

    @Test
    @DisplayName("backwards or empty intervals have no open time")
    void backwards() {
      assertThat(business.openTimeBetween(la("2026-03-16T12:00"), la("2026-03-16T10:00"))).isZero();
      assertThat(business.openTimeBetween(la("2026-03-16T12:00"), la("2026-03-16T12:00"))).isZero();
    }

    @Test
    @DisplayName("a holiday week has four business days")
    void thanksgivingWeek() {
      assertThat(business.openTimeBetween(la("2026-11-23T00:00"), la("2026-11-28T00:00"))).isEqualTo(hours(32));
    }
  }

  @Test
  @DisplayName("a year of business time (250 days) is counted in a blink, day by day")
  void longTargetsAreCheap() {
    Duration year = hours(8 * 250);
    Instant start = la("2026-01-02T09:00");

    Instant due = business.plus(start, year);

    assertThat(business.openTimeBetween(start, due)).isEqualTo(year);
    assertThat(due).isBetween(la("2026-12-01T00:00"), la("2027-01-31T00:00"));
  }

  @Test
  @DisplayName("a negative target is refused")
  void negativeTarget() {
    assertThatThrownBy(() -> business.plus(la("2026-03-16T10:00"), hours(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }

  @Test
  @DisplayName("a working-hours calendar must open on some day, and close after it opens")
  void invalidWorkingHours() {
    assertThatThrownBy(() -> new WorkingHoursCalendar("late", LA, EnumSet.of(DayOfWeek.MONDAY),
        LocalTime.of(17, 0), LocalTime.of(9, 0), Holidays.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("late").hasMessageContaining("17:00");
    assertThatThrownBy(() -> new WorkingHoursCalendar("never", LA, EnumSet.noneOf(DayOfWeek.class),
        LocalTime.of(9, 0), LocalTime.of(17, 0), Holidays.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never");
  }
}
