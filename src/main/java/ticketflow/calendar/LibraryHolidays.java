package ticketflow.calendar;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameter;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.net.URL;
import java.time.DateTimeException;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The public holidays of a country, or of one of its subdivisions ({@code SA}, {@code US-CA}, {@code DE-BY}), as the
 * jollyday library computes them, each on the day it is observed. Bank holidays and observances (days marked but
 * worked) do not close support.
 */
final class LibraryHolidays implements HolidayRule {

  /** ISO 3166-1 alpha-2, then ISO 3166-2 subdivisions separated by hyphens (jollyday also knows some cities). */
  private static final Pattern CODE = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})*");

  private final String name;
  private final HolidayManager manager;
  private final String[] subdivisions;
  private final Function<de.focus_shift.jollyday.core.Holiday, String> naming;

  private LibraryHolidays(String name, ManagerParameter source, String[] subdivisions,
      Function<de.focus_shift.jollyday.core.Holiday, String> naming) {
    this.name = name;
    this.manager = HolidayManager.getInstance(source);
    this.subdivisions = subdivisions;
    this.naming = naming;
  }

  /** Whether {@code code} is written as a country code, known or not ({@code SA}, {@code US-CA}). */
  static boolean looksLikeCountry(String code) {
    return CODE.matcher(code).matches();
  }

  /**
   * The holidays of a country code such as {@code SA}, optionally with subdivisions ({@code US-CA}); case does not
   * matter.
   *
   * @throws IllegalArgumentException naming the code when the library knows no such country or subdivision
   */
  static LibraryHolidays country(String code) {
    String upper = code.trim().toUpperCase(Locale.ROOT);
    String[] parts = upper.split("-");
    if (!looksLikeCountry(upper) || !HolidayManager.getSupportedCalendarCodes().contains(parts[0])) {
      throw new IllegalArgumentException("'" + code + "' is no country the holiday library knows; name one by its"
          + " ISO 3166 code, such as SA, US or DE");
    }
    String[] subdivisions = new String[parts.length - 1];
    LibraryHolidays holidays = new LibraryHolidays(upper, ManagerParameters.create(parts[0].toLowerCase(Locale.ROOT)),
        subdivisions, h -> h.getDescription(Locale.ENGLISH));
    CalendarHierarchy level = holidays.manager.getCalendarHierarchy();
    for (int i = 1; i < parts.length; i++) {
      String subdivision = parts[i].toLowerCase(Locale.ROOT);
      Map<String, CalendarHierarchy> children = level.getChildren();
      if (!children.containsKey(subdivision)) {
        TreeSet<String> known = new TreeSet<>();
        children.keySet().forEach(k -> known.add(k.toUpperCase(Locale.ROOT)));
        throw new IllegalArgumentException("'" + code + "': the holiday library knows no subdivision " + parts[i]
            + " of " + String.join("-", List.of(parts).subList(0, i))
            + (known.isEmpty() ? ", which has none" : "; it knows " + String.join(", ", known)));
      }
      subdivisions[i - 1] = subdivision;
      level = children.get(subdivision);
    }
    return holidays;
  }

  /** Holidays from a calendar file in jollyday's format, named by {@code naming}. */
  static LibraryHolidays file(String name, URL calendar, Function<de.focus_shift.jollyday.core.Holiday, String> naming) {
    return new LibraryHolidays(name, ManagerParameters.create(Objects.requireNonNull(calendar, "calendar")),
        new String[0], naming);
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * The public holidays whose own date falls in {@code year}. Years the library cannot compute (the Islamic calendar
   * it uses ends in 2174) have none, so a commitment far in the future is still counted.
   */
  @Override
  public List<Holiday> holidaysOf(int year) {
    List<Holiday> holidays = new ArrayList<>();
    try {
      for (var holiday : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivisions)) {
        holidays.add(new Holiday(naming.apply(holiday), holiday.getActualDate(), holiday.getDate()));
      }
    } catch (DateTimeException outsideTheLibrarysCalendars) {
      return List.of();
    }
    return holidays;
  }

  @Override
  public String toString() {
    return name;
  }
}
