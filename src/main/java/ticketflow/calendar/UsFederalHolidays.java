package ticketflow.calendar;

import java.util.Map;

/**
 * The eleven US federal holidays (5 U.S.C. 6103), the default calendar's, computed by the holiday library from
 * {@code us-federal-holidays.xml} beside this class: fixed-date holidays on a Saturday are observed on the Friday
 * before, on a Sunday on the Monday after. Named as the statute names them rather than as the library does.
 */
final class UsFederalHolidays {

  static final String NAME = "US_FEDERAL";

  private static final Map<String, String> STATUTE_NAMES = Map.ofEntries(
      Map.entry("NEW_YEAR", "New Year's Day"),
      Map.entry("MARTIN_LUTHER_KING", "Martin Luther King Jr. Day"),
      Map.entry("WASHINGTONS_BIRTHDAY", "Washington's Birthday"),
      Map.entry("MEMORIAL_DAY", "Memorial Day"),
      Map.entry("JUNETEENTH", "Juneteenth National Independence Day"),
      Map.entry("INDEPENDENCE_DAY", "Independence Day"),
      Map.entry("LABOUR_DAY", "Labor Day"),
      Map.entry("COLUMBUS_DAY", "Columbus Day"),
      Map.entry("VETERANS_DAY", "Veterans Day"),
      Map.entry("THANKSGIVING", "Thanksgiving Day"),
      Map.entry("CHRISTMAS", "Christmas Day"));

  private UsFederalHolidays() {
  }

  static HolidayRule rule() {
    return LibraryHolidays.file(NAME, UsFederalHolidays.class.getResource("us-federal-holidays.xml"),
        h -> STATUTE_NAMES.getOrDefault(h.getPropertiesKey(), h.getDescription()));
  }
}
