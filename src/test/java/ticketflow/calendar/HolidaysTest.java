package ticketflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The default holiday list: the eleven US federal holidays by their rules, a Saturday holiday observed on the
 * Friday before and a Sunday one on the Monday after; an operator can extend it or remove dates.
 */
@DisplayName("US federal holidays are computed for any year")
class HolidaysTest {

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  @DisplayName("the eleven holidays of 2026, by name, date and observed date")
  void holidaysOf2026() {
    assertThat(Holidays.US_FEDERAL.holidaysIn(2026))
        .extracting(Holiday::name, Holiday::date, Holiday::observed)
        .containsExactly(
            tuple("New Year's Day", date("2026-01-01"), date("2026-01-01")),
            tuple("Martin Luther King Jr. Day", date("2026-01-19"), date("2026-01-19")),
            tuple("Washington's Birthday", date("2026-02-16"), date("2026-02-16")),
            tuple("Memorial Day", date("2026-05-25"), date("2026-05-25")),
            tuple("Juneteenth National Independence Day", date("2026-06-19"), date("2026-06-19")),
            tuple("Independence Day", date("2026-07-04"), date("2026-07-03")),
            tuple("Labor Day", date("2026-09-07"), date("2026-09-07")),
            tuple("Columbus Day", date("2026-10-12"), date("2026-10-12")),
            tuple("Veterans Day", date("2026-11-11"), date("2026-11-11")),
            tuple("Thanksgiving Day", date("2026-11-26"), date("2026-11-26")),
            tuple("Christmas Day", date("2026-12-25"), date("2026-12-25")));
  }

  @Test
  @DisplayName("the dates observed in 2026 and 2027, against a hand-written list")
  void observedDates2026And2027() {
    assertThat(Holidays.US_FEDERAL.datesIn(2026)).containsExactlyElementsOf(dates(
        "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
        "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"));
    // Juneteenth (Sat) on Fri 18 June, Independence Day (Sun) on Mon 5 July, Christmas (Sat) on Fri 24 December,
    // and New Year's Day 2028 (Sat) on Fri 31 December 2027: twelve closed days in 2027.
    assertThat(Holidays.US_FEDERAL.datesIn(2027)).containsExactlyElementsOf(dates(
        "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05",
        "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31"));
  }

  @Test
  @DisplayName("a Saturday holiday is observed on the Friday before, a Sunday one on the Monday after")
  void observedShifts() {
    Holidays us = Holidays.US_FEDERAL;

    assertThat(us.isHoliday(date("2026-07-03"))).as("Independence Day 2026 (Sat) on Friday").isTrue();
    assertThat(us.isHoliday(date("2026-07-04"))).as("the Saturday itself is no extra closed day").isFalse();
    assertThat(us.isHoliday(date("2027-07-05"))).as("Independence Day 2027 (Sun) on Monday").isTrue();
    assertThat(us.isHoliday(date("2027-12-24"))).as("Christmas 2027 (Sat) on Friday").isTrue();
    assertThat(us.isHoliday(date("2027-12-31"))).as("New Year's Day 2028 (Sat) on Friday 2027-12-31").isTrue();
    assertThat(us.isHoliday(date("2028-01-01"))).isFalse();
    assertThat(us.holidaysIn(2027)).last()
        .isEqualTo(new Holiday("New Year's Day", date("2028-01-01"), date("2027-12-31")));
    assertThat(us.holidaysIn(2028)).as("New Year's Day 2028 belongs to the 2027 closed days")
        .extracting(Holiday::name).doesNotContain("New Year's Day").hasSize(10);
  }

  @Test
  @DisplayName("ordinary days are not holidays")
  void ordinaryDays() {
    assertThat(Holidays.US_FEDERAL.isHoliday(date("2026-11-25"))).isFalse();
    assertThat(Holidays.US_FEDERAL.isHoliday(date("2026-12-24"))).isFalse();
    assertThat(Holidays.none().isHoliday(date("2026-12-25"))).isFalse();
  }

  @Test
  @DisplayName("the rules hold in other years too: Thanksgiving is always the fourth Thursday of November")
  void otherYears() {
    for (int year = 1990; year <= 2100; year++) {
      List<Holiday> holidays = Holidays.US_FEDERAL.holidaysIn(year);
      Holiday thanksgiving = holidays.stream().filter(h -> h.name().equals("Thanksgiving Day")).findFirst().orElseThrow();
      assertThat(thanksgiving.date().getDayOfMonth()).isBetween(22, 28);
      assertThat(holidays).allSatisfy(h -> assertThat(h.observed().getDayOfWeek().getValue()).isLessThanOrEqualTo(5));
    }
  }

  @Test
  @DisplayName("an operator adds dates and removes one: Columbus Day 2026 becomes a working day")
  void extraAndRemovedDates() {
    Holidays holidays = Holidays.of(List.of("US_FEDERAL"), dates("2026-12-24"), dates("2026-10-12"));

    assertThat(holidays.isHoliday(date("2026-12-24"))).isTrue();
    assertThat(holidays.isHoliday(date("2026-10-12"))).isFalse();
    assertThat(holidays.isHoliday(date("2027-10-11"))).as("only the removed date, not every Columbus Day").isTrue();
    assertThat(holidays.datesIn(2026)).hasSize(11).contains(date("2026-12-24")).doesNotContain(date("2026-10-12"));
  }

  @Test
  @DisplayName("removing a holiday by its own date removes its observed day too")
  void removeByActualDate() {
    Holidays holidays = Holidays.of(List.of("us_federal"), List.of(), dates("2026-07-04"));

    assertThat(holidays.isHoliday(date("2026-07-03"))).isFalse();
  }

  @Test
  @DisplayName("an unknown rule is refused, naming it and the known rules")
  void unknownRule() {
    assertThatThrownBy(() -> Holidays.of(List.of("UK_BANK"), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'UK_BANK'")
        .hasMessageContaining("US_FEDERAL");
  }

  static List<LocalDate> dates(String... isoDates) {
    return java.util.Arrays.stream(isoDates).map(LocalDate::parse).toList();
  }
}
