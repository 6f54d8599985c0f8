package ticketflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The {@code 24x7} calendar: wall-clock time, open all the time, blind to DST. */
@DisplayName("The 24x7 calendar counts wall-clock time")
class WallClockCalendarTest {

  final SupportCalendar wallClock = new WallClockCalendar();

  @Test
  @DisplayName("is named 24x7 and its day is 24 hours")
  void nameAndDay() {
    assertThat(wallClock.name()).isEqualTo("24x7");
    assertThat(wallClock.businessDay()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  @DisplayName("one hour from 01:30 on the spring-forward night (09:30Z) is 10:30Z, 03:30 local")
  void acrossSpringForward() {
    ZoneId la = ZoneId.of("America/Los_Angeles");
    Instant start = LocalDateTime.parse("2026-03-08T01:30").atZone(la).toInstant();
    assertThat(start).isEqualTo(Instant.parse("2026-03-08T09:30:00Z"));

    Instant due = wallClock.plus(start, Duration.ofHours(1));

    assertThat(due).isEqualTo(Instant.parse("2026-03-08T10:30:00Z"));
    assertThat(due.atZone(la).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-08T03:30"));
  }

  @Test
  @DisplayName("is always open, and open time is elapsed time")
  void alwaysOpen() {
    Instant saturdayNight = Instant.parse("2026-03-14T07:00:00Z");

    assertThat(wallClock.nextOpening(saturdayNight)).isEqualTo(saturdayNight);
    assertThat(wallClock.plus(saturdayNight, Duration.ZERO)).isEqualTo(saturdayNight);
    assertThat(wallClock.openTimeBetween(saturdayNight, saturdayNight.plus(Duration.ofHours(30))))
        .isEqualTo(Duration.ofHours(30));
    assertThat(wallClock.openTimeBetween(saturdayNight, saturdayNight.minusSeconds(1))).isZero();
  }
}
