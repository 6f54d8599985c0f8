package ticketflow.calendar;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** The support calendars by name, as configured under {@code ticketflow.calendars}. */
public final class SupportCalendars {

  /** The name of the default working-hours calendar. */
  public static final String BUSINESS = "business";

  /** The name of the default wall-clock calendar. */
  public static final String WALL_CLOCK = WallClockCalendar.DEFAULT_NAME;

  private final Map<String, SupportCalendar> byName;

  /**
   * @throws IllegalArgumentException when two calendars share a name
   */
  public SupportCalendars(Collection<? extends SupportCalendar> calendars) {
    Map<String, SupportCalendar> map = new TreeMap<>();
    for (SupportCalendar calendar : calendars) {
      Objects.requireNonNull(calendar, "calendar");
      if (map.putIfAbsent(calendar.name(), calendar) != null) {
        throw new IllegalArgumentException("Two support calendars are named '" + calendar.name() + "'");
      }
    }
    this.byName = Collections.unmodifiableMap(map);
  }

  /** The defaults: {@code 24x7} (wall clock) and {@code business} (Mon–Fri 09:00–17:00 Los Angeles, US holidays). */
  public static SupportCalendars defaults() {
    return new SupportCalendars(List.of(new WallClockCalendar(), WorkingHoursCalendar.usBusinessHours()));
  }

  /**
   * The calendar named {@code name}.
   *
   * @throws IllegalArgumentException listing the known names when there is none of that name
   */
  public SupportCalendar get(String name) {
    SupportCalendar calendar = name == null ? null : byName.get(name);
    if (calendar == null) {
      throw new IllegalArgumentException(
          "Unknown support calendar '" + name + "'; known calendars: " + String.join(", ", byName.keySet()));
    }
    return calendar;
  }

  /** The names of the calendars, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }

  @Override
  public String toString() {
    return "SupportCalendars" + byName.values();
  }
}
