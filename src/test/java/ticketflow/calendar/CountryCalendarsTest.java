package ticketflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static ticketflow.calendar.SupportCalendarConfigurationTest.at;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Calendars of any country and any working week: the holidays come from the holiday library by ISO 3166 code
 * ({@code SA}, {@code US-CA}, {@code DE-BY}), the week is whichever days an operator names.
 */
@DisplayName("Support calendars for any country and any working week")
class CountryCalendarsTest {

  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** A P3's first response: one business day, eight open hours of these calendars. */
  static final Duration P3_FIRST_RESPONSE = Duration.ofHours(8);

  final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(SupportCalendarConfiguration.class)
      .withPropertyValues(
          "ticketflow.calendars.riyadh.zone=Asia/Riyadh",
          "ticketflow.calendars.riyadh.days=SUNDAY,MONDAY,TUESDAY,WEDNESDAY,THURSDAY",
          "ticketflow.calendars.riyadh.opens=08:00",
          "ticketflow.calendars.riyadh.closes=16:00",
          "ticketflow.calendars.riyadh.holidays=SA");

  @Test
  @DisplayName("Riyadh, Sunday to Thursday 08:00–16:00: a P3 from Thursday 15:00 gets its first response on Sunday 15:00")
  void sundayToThursdayWeek() {
    context.run(started -> {
      WorkingHoursCalendar riyadh = (WorkingHoursCalendar) started.getBean(SupportCalendars.class).get("riyadh");

      assertThat(riyadh.days()).containsExactlyInAnyOrder(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
      assertThat(riyadh.businessDay()).isEqualTo(P3_FIRST_RESPONSE);
      assertThat(riyadh.plus(at(RIYADH, "2026-10-08T15:00"), P3_FIRST_RESPONSE)).isEqualTo(at(RIYADH, "2026-10-11T15:00"));
      assertThat(riyadh.isWorkingDay(LocalDate.parse("2026-10-09"))).as("Friday").isFalse();
      assertThat(riyadh.isWorkingDay(LocalDate.parse("2026-10-11"))).as("Sunday").isTrue();
    });
  }

  @Test
  @DisplayName("Riyadh skips National Day (23 September) and the Eid holidays the library gives")
  void saudiHolidays() {
    context.run(started -> {
      WorkingHoursCalendar riyadh = (WorkingHoursCalendar) started.getBean(SupportCalendars.class).get("riyadh");
      List<Holiday> holidays = riyadh.holidays().holidaysIn(2026);

      assertThat(holidays).extracting(Holiday::name, Holiday::observed).contains(
          tuple("National Day", LocalDate.parse("2026-09-23")),
          tuple("Eid ul-Fitr", LocalDate.parse("2026-03-20")),
          tuple("Eid ul-Adha", LocalDate.parse("2026-05-27")));
      assertThat(holidays).filteredOn(h -> h.name().startsWith("Eid")).hasSize(6)
          .allSatisfy(eid -> assertThat(riyadh.isWorkingDay(eid.observed())).as(eid.toString()).isFalse());
      // Tuesday 15:00: an hour on Tuesday, National Day on Wednesday, the rest on Thursday.
      assertThat(riyadh.plus(at(RIYADH, "2026-09-22T15:00"), P3_FIRST_RESPONSE)).isEqualTo(at(RIYADH, "2026-09-24T15:00"));
      // Wednesday 15:00 before Eid al-Fitr: closed from the end of Ramadan (Thursday) to the third day of Eid (Sunday).
      assertThat(riyadh.plus(at(RIYADH, "2026-03-18T15:00"), P3_FIRST_RESPONSE)).isEqualTo(at(RIYADH, "2026-03-23T15:00"));
      // Monday 15:00 before Arafat day: closed Tuesday to Thursday, then the weekend.
      assertThat(riyadh.plus(at(RIYADH, "2026-05-25T15:00"), P3_FIRST_RESPONSE)).isEqualTo(at(RIYADH, "2026-05-31T15:00"));
    });
  }

  @Test
  @DisplayName("a moon-sighted holiday that moves by a day is moved with removed-holidays and extra-holidays")
  void moonSightedHolidayMoves() {
    context.withPropertyValues("ticketflow.calendars.riyadh.removed-holidays=2026-05-26",
            "ticketflow.calendars.riyadh.extra-holidays=2026-05-31")
        .run(started -> {
          WorkingHoursCalendar riyadh = (WorkingHoursCalendar) started.getBean(SupportCalendars.class).get("riyadh");

          assertThat(riyadh.isWorkingDay(LocalDate.parse("2026-05-26"))).isTrue();
          assertThat(riyadh.isWorkingDay(LocalDate.parse("2026-05-31"))).isFalse();
        });
  }

  @Test
  @DisplayName("US-CA skips California's holidays as well: the day after Thanksgiving and César Chávez Day")
  void californiaSkipsItsRegionalHolidays() {
    context.withPropertyValues("ticketflow.calendars.california.holidays=US-CA").run(started -> {
      SupportCalendars calendars = started.getBean(SupportCalendars.class);
      WorkingHoursCalendar california = (WorkingHoursCalendar) calendars.get("california");

      assertThat(california.zone()).as("the default zone").isEqualTo(LOS_ANGELES);
      // Wednesday before Thanksgiving 16:00: an hour on Wednesday, then closed until Monday.
      assertThat(california.plus(at(LOS_ANGELES, "2026-11-25T16:00"), P3_FIRST_RESPONSE))
          .isEqualTo(at(LOS_ANGELES, "2026-11-30T16:00"));
      assertThat(calendars.get("business").plus(at(LOS_ANGELES, "2026-11-25T16:00"), P3_FIRST_RESPONSE))
          .as("the federal calendar works the Friday").isEqualTo(at(LOS_ANGELES, "2026-11-27T16:00"));
      assertThat(california.isWorkingDay(LocalDate.parse("2026-03-31"))).as("César Chávez Day").isFalse();
      assertThat(california.isWorkingDay(LocalDate.parse("2026-11-26"))).as("Thanksgiving").isFalse();
    });
  }

  @Test
  @DisplayName("DE-BY skips Bavaria's holidays, such as Corpus Christi, that Germany as a whole works")
  void bavariaSkipsItsRegionalHolidays() {
    context.withPropertyValues(
            "ticketflow.calendars.munich.zone=Europe/Berlin", "ticketflow.calendars.munich.opens=08:00",
            "ticketflow.calendars.munich.closes=16:00", "ticketflow.calendars.munich.holidays=de-by",
            "ticketflow.calendars.berlin.zone=Europe/Berlin", "ticketflow.calendars.berlin.opens=08:00",
            "ticketflow.calendars.berlin.closes=16:00", "ticketflow.calendars.berlin.holidays=DE")
        .run(started -> {
          SupportCalendars calendars = started.getBean(SupportCalendars.class);

          // Wednesday 15:00 before Corpus Christi (Thursday 4 June 2026).
          assertThat(calendars.get("munich").plus(at(BERLIN, "2026-06-03T15:00"), P3_FIRST_RESPONSE))
              .isEqualTo(at(BERLIN, "2026-06-05T15:00"));
          assertThat(calendars.get("berlin").plus(at(BERLIN, "2026-06-03T15:00"), P3_FIRST_RESPONSE))
              .isEqualTo(at(BERLIN, "2026-06-04T15:00"));
          assertThat(((WorkingHoursCalendar) calendars.get("munich")).isWorkingDay(LocalDate.parse("2026-01-06")))
              .as("Epiphany").isFalse();
          assertThat(((WorkingHoursCalendar) calendars.get("munich")).holidays().rules()).containsExactly("DE-BY");
        });
  }

  @Test
  @DisplayName("holidays and holiday-rules add up; holiday-rules: US_FEDERAL is the default's list")
  void bothSettingsCount() {
    context.withPropertyValues("ticketflow.calendars.both.holidays=US-CA",
            "ticketflow.calendars.both.holiday-rules=US_FEDERAL")
        .run(started -> {
          WorkingHoursCalendar both = (WorkingHoursCalendar) started.getBean(SupportCalendars.class).get("both");

          assertThat(both.holidays().rules()).containsExactly("US-CA", "US_FEDERAL");
          assertThat(both.isWorkingDay(LocalDate.parse("2026-10-12"))).as("Columbus Day, federal").isFalse();
          assertThat(both.isWorkingDay(LocalDate.parse("2026-11-27"))).as("day after Thanksgiving, California").isFalse();
        });
  }

  @Test
  @DisplayName("an unknown country or subdivision is refused, naming it")
  void unknownCountryOrSubdivision() {
    assertThatThrownBy(() -> Holidays.of(List.of("XX"), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'XX'").hasMessageContaining("ISO 3166");
    assertThatThrownBy(() -> Holidays.of(List.of("US-ZZ"), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'US-ZZ'").hasMessageContaining("CA");
  }

  @Test
  @DisplayName("years beyond the library's Islamic calendar have no Saudi holidays rather than no answer")
  void yearsTheLibraryCannotCompute() {
    Holidays saudi = Holidays.of(List.of("SA"), List.of(), List.of());

    assertThat(saudi.holidaysIn(9999)).isEmpty();
    assertThat(saudi.isHoliday(LocalDate.parse("2026-09-23"))).isTrue();
  }
}
