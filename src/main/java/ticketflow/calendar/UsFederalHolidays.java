package ticketflow.calendar;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The eleven US federal holidays (5 U.S.C. 6103). Fixed-date holidays on a Saturday are observed on the Friday
 * before, on a Sunday on the Monday after; the Monday and Thursday holidays always fall on a weekday.
 */
final class UsFederalHolidays implements HolidayRule {

  static final String NAME = "US_FEDERAL";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Holiday> holidaysOf(int year) {
    return List.of(
        Holiday.fixed("New Year's Day", LocalDate.of(year, Month.JANUARY, 1)),
        Holiday.on("Martin Luther King Jr. Day", nth(3, MONDAY, year, Month.JANUARY)),
        Holiday.on("Washington's Birthday", nth(3, MONDAY, year, Month.FEBRUARY)),
        Holiday.on("Memorial Day", LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(MONDAY))),
        Holiday.fixed("Juneteenth National Independence Day", LocalDate.of(year, Month.JUNE, 19)),
        Holiday.fixed("Independence Day", LocalDate.of(year, Month.JULY, 4)),
        Holiday.on("Labor Day", nth(1, MONDAY, year, Month.SEPTEMBER)),
        Holiday.on("Columbus Day", nth(2, MONDAY, year, Month.OCTOBER)),
        Holiday.fixed("Veterans Day", LocalDate.of(year, Month.NOVEMBER, 11)),
        Holiday.on("Thanksgiving Day", nth(4, THURSDAY, year, Month.NOVEMBER)),
        Holiday.fixed("Christmas Day", LocalDate.of(year, Month.DECEMBER, 25)));
  }

  private static LocalDate nth(int ordinal, DayOfWeek day, int year, Month month) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
  }

  @Override
  public String toString() {
    return NAME;
  }
}
