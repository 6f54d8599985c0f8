package ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import ticketflow.calendar.SupportCalendar;
import ticketflow.calendar.WallClockCalendar;
import ticketflow.calendar.WorkingHoursCalendar;

/** Commitment targets in the decision table are ISO-8601 durations whose days are the calendar's days. */
@DisplayName("Commitment targets count days in the calendar's days")
class CommitmentTargetsTest {

  static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  final SupportCalendar business = WorkingHoursCalendar.usBusinessHours();
  final SupportCalendar wallClock = new WallClockCalendar();

  static Instant la(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LA).toInstant();
  }

  @ParameterizedTest(name = "{0} is {1} on business and {2} on 24x7")
  @CsvSource(textBlock = """
      PT1H,   PT1H,   PT1H
      PT4H,   PT4H,   PT4H
      P1D,    PT8H,   PT24H
      P2D,    PT16H,  PT48H
      P3D,    PT24H,  PT72H
      P10D,   PT80H,  PT240H
      P1DT4H, PT12H,  PT28H
      PT30M,  PT30M,  PT30M
      p1d,    PT8H,   PT24H
      """)
  void daysAreCalendarDays(String target, Duration onBusiness, Duration onWallClock) {
    assertThat(CommitmentTargets.parse(target, business)).isEqualTo(onBusiness);
    assertThat(CommitmentTargets.parse(target, wallClock)).isEqualTo(onWallClock);
  }

  @Test
  @DisplayName("P3D from Wednesday 10:00 is due the next Monday 10:00, three business days later")
  void threeBusinessDays() {
    Duration target = CommitmentTargets.parse("P3D", business);

    assertThat(business.plus(la("2026-03-11T10:00"), target)).isEqualTo(la("2026-03-16T10:00"));
  }

  @Test
  @DisplayName("P10D from Wednesday 2026-11-18 10:00 spans two weekends and Thanksgiving: Thursday 2026-12-03 10:00")
  void tenBusinessDaysOverTwoWeekendsAndAHoliday() {
    Duration target = CommitmentTargets.parse("P10D", business);

    assertThat(business.plus(la("2026-11-18T10:00"), target)).isEqualTo(la("2026-12-03T10:00"));
  }

  @Test
  @DisplayName("P1D on 24x7 is the same time the next day")
  void oneWallClockDay() {
    assertThat(wallClock.plus(Instant.parse("2026-03-07T18:00:00Z"), CommitmentTargets.parse("P1D", wallClock)))
        .isEqualTo(Instant.parse("2026-03-08T18:00:00Z"));
  }

  @ParameterizedTest(name = "\"{0}\" means no commitment")
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void blankIsNoCommitment(String target) {
    assertThat(CommitmentTargets.parse(target, business)).isNull();
  }

  @ParameterizedTest(name = "\"{0}\" is refused, naming the value")
  @ValueSource(strings = {"P", "PT", "P1W", "P1M", "P1Y", "1D", "P-1D", "PT-4H", "P1DT", "four hours", "PT4H30", "P1.5D"})
  void malformedTargetsAreRefused(String target) {
    assertThatThrownBy(() -> CommitmentTargets.parse(target, business))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + target + "'")
        .hasMessageContaining("ISO-8601");
  }
}
