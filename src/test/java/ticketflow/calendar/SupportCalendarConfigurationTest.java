package ticketflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Operators configure calendars under {@code ticketflow.calendars}; the defaults stay unless replaced. */
@DisplayName("Support calendars come from configuration")
class SupportCalendarConfigurationTest {

  final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(SupportCalendarConfiguration.class);

  @Test
  @DisplayName("with nothing configured there are 24x7 and business")
  void defaults() {
    context.run(started -> {
      SupportCalendars calendars = started.getBean(SupportCalendars.class);

      assertThat(calendars.names()).containsExactly("24x7", "business");
      assertThat(calendars.get("24x7")).isInstanceOf(WallClockCalendar.class);
      WorkingHoursCalendar business = (WorkingHoursCalendar) calendars.get("business");
      assertThat(business.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
      assertThat(business.days()).containsExactly(
          DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
      assertThat(business.opens()).isEqualTo(LocalTime.of(9, 0));
      assertThat(business.closes()).isEqualTo(LocalTime.of(17, 0));
      assertThat(business.isWorkingDay(LocalDate.parse("2026-11-26"))).as("Thanksgiving").isFalse();
    });
  }

  @Test
  @DisplayName("an operator adds an emea calendar (Berlin, 08:00–16:00, no holiday rules, closed 2026-12-24) and it is used")
  void operatorAddsACalendar() {
    context.withPropertyValues(
            "ticketflow.calendars.emea.zone=Europe/Berlin",
            "ticketflow.calendars.emea.opens=08:00",
            "ticketflow.calendars.emea.closes=16:00",
            "ticketflow.calendars.emea.holiday-rules=",
            "ticketflow.calendars.emea.extra-holidays=2026-12-24")
        .run(started -> {
          SupportCalendars calendars = started.getBean(SupportCalendars.class);
          assertThat(calendars.names()).containsExactly("24x7", "business", "emea");
          SupportCalendar emea = calendars.get("emea");
          ZoneId berlin = ZoneId.of("Europe/Berlin");

          // Wednesday 15:00 + 2h: one hour on Wednesday, Thursday 24 December closed, Friday 25 December open.
          Instant due = emea.plus(at(berlin, "2026-12-23T15:00"), Duration.ofHours(2));

          assertThat(due).isEqualTo(at(berlin, "2026-12-25T09:00"));
          assertThat(emea.businessDay()).isEqualTo(Duration.ofHours(8));
          assertThat(((WorkingHoursCalendar) emea).isWorkingDay(LocalDate.parse("2026-11-26")))
              .as("no US Thanksgiving in emea").isTrue();
        });
  }

  @Test
  @DisplayName("removed-holidays makes Columbus Day 2026 a business day: Friday 16:00 + 2h is Monday 10:00")
  void operatorRemovesColumbusDay() {
    context.withPropertyValues("ticketflow.calendars.business.removed-holidays=2026-10-12")
        .run(started -> {
          SupportCalendar business = started.getBean(SupportCalendars.class).get("business");
          ZoneId la = ZoneId.of("America/Los_Angeles");

          assertThat(business.plus(at(la, "2026-10-09T16:00"), Duration.ofHours(2)))
              .isEqualTo(at(la, "2026-10-12T10:00"));
          assertThat(business.plus(at(la, "2026-11-25T16:00"), Duration.ofHours(2)))
              .as("the other holidays stay").isEqualTo(at(la, "2026-11-27T10:00"));
        });
  }

  @Test
  @DisplayName("a calendar can be configured as a list of days and as wall-clock time")
  void daysAndType() {
    context.withPropertyValues(
            "ticketflow.calendars.weekend.days=SATURDAY,SUNDAY",
            "ticketflow.calendars.weekend.holiday-rules=",
            "ticketflow.calendars.always.type=WALL_CLOCK")
        .run(started -> {
          SupportCalendars calendars = started.getBean(SupportCalendars.class);

          assertThat(((WorkingHoursCalendar) calendars.get("weekend")).days())
              .containsExactly(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
          assertThat(calendars.get("always")).isInstanceOf(WallClockCalendar.class);
        });
  }

  @ParameterizedTest(name = "{0}={1} fails start-up naming the calendar and the setting")
  @CsvSource(delimiter = '|', textBlock = """
      ticketflow.calendars.emea.closes         | 07:00       | ticketflow.calendars.emea.closes
      ticketflow.calendars.emea.days           | ''          | ticketflow.calendars.emea.days
      ticketflow.calendars.emea.holiday-rules  | UK_BANK     | ticketflow.calendars.emea.holiday-rules
      ticketflow.calendars.emea.holidays       | XX          | ticketflow.calendars.emea.holidays
      ticketflow.calendars.emea.holidays       | US-ZZ       | ticketflow.calendars.emea.holidays
      ticketflow.calendars.emea.days           | SUNDAY,FUNDAY | ticketflow.calendars.emea.days
      ticketflow.calendars.emea.zone           | Mars/Olympus| ticketflow.calendars.emea.zone
      ticketflow.calendars.emea.opens          | nine        | ticketflow.calendars.emea.opens
      ticketflow.calendars.emea.type           | SOMETIMES   | ticketflow.calendars.emea.type
      """)
  void badSettingFailsStartUp(String property, String value, String named) {
    context.withPropertyValues(property + "=" + value).run(started -> {
      assertThat(started).hasFailed();
      assertThat(messages(started.getStartupFailure())).anySatisfy(message -> assertThat(message).contains(named));
    });
  }

  @Test
  @DisplayName("a commitment in an unknown calendar is refused, listing the known calendars")
  void unknownCalendar() {
    assertThatThrownBy(() -> SupportCalendars.defaults().get("apac"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'apac'")
        .hasMessageContaining("24x7, business");
  }

  /** The messages of a failure and its causes: the one naming the setting is the one an operator reads in the log. */
  static List<String> messages(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      messages.add(String.valueOf(cause.getMessage()));
    }
    return messages;
  }

  static Instant at(ZoneId zone, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }
}
