package ticketflow.calendar;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ticketflow.calendar.SupportCalendarProperties.CalendarSettings;
import ticketflow.calendar.SupportCalendarProperties.CalendarType;

/** The support calendars: the defaults, plus and overridden by those configured under {@code ticketflow.calendars}. */
@Configuration
@EnableConfigurationProperties(SupportCalendarProperties.class)
class SupportCalendarConfiguration {

  @Bean
  SupportCalendars supportCalendars(SupportCalendarProperties properties) {
    return calendars(properties.getCalendars());
  }

  /**
   * The default calendars with the configured ones added or replacing them by name.
   *
   * @throws IllegalArgumentException naming the calendar and the setting when a setting is wrong
   */
  static SupportCalendars calendars(Map<String, CalendarSettings> configured) {
    Map<String, SupportCalendar> byName = new LinkedHashMap<>();
    SupportCalendars defaults = SupportCalendars.defaults();
    defaults.names().forEach(name -> byName.put(name, defaults.get(name)));
    configured.forEach((name, settings) -> byName.put(name, calendar(name, settings)));
    return new SupportCalendars(byName.values());
  }

  static SupportCalendar calendar(String name, CalendarSettings settings) {
    CalendarType type = settings.getType() != null ? settings.getType()
        : SupportCalendars.WALL_CLOCK.equals(name) ? CalendarType.WALL_CLOCK : CalendarType.WORKING_HOURS;
    if (type == CalendarType.WALL_CLOCK) {
      return new WallClockCalendar(name);
    }
    ZoneId zone = zone(name, settings.getZone());
    if (settings.getDays() == null || settings.getDays().isEmpty()) {
      throw invalid(name, "days", "names no day; name at least one day of the week, such as MONDAY");
    }
    if (settings.getOpens() == null || settings.getCloses() == null) {
      throw invalid(name, settings.getOpens() == null ? "opens" : "closes", "is not set");
    }
    if (!settings.getCloses().isAfter(settings.getOpens())) {
      throw invalid(name, "closes",
          settings.getCloses() + " is not after opens " + settings.getOpens()
          + "; a calendar opens and closes on the same day");
    }
    return new WorkingHoursCalendar(name, zone, EnumSet.copyOf(settings.getDays()), settings.getOpens(),
        settings.getCloses(), holidays(name, settings));
  }

  /** The holidays of {@code holidays} and {@code holiday-rules} together; US federal when neither is set. */
  private static Holidays holidays(String calendar, CalendarSettings settings) {
    if (settings.getHolidays() == null && settings.getHolidayRules() == null) {
      return Holidays.of(List.of(UsFederalHolidays.NAME), settings.getExtraHolidays(), settings.getRemovedHolidays());
    }
    List<String> rules = new ArrayList<>();
    rules.addAll(checked(calendar, "holidays", settings.getHolidays()));
    rules.addAll(checked(calendar, "holiday-rules", settings.getHolidayRules()));
    return Holidays.of(rules, settings.getExtraHolidays(), settings.getRemovedHolidays());
  }

  private static List<String> checked(String calendar, String setting, List<String> rules) {
    if (rules == null) {
      return List.of();
    }
    try {
      Holidays.of(rules, List.of(), List.of());
    } catch (IllegalArgumentException e) {
      throw invalid(calendar, setting, e.getMessage());
    }
    return rules;
  }

  private static ZoneId zone(String calendar, String zone) {
    if (zone == null || zone.isBlank()) {
      throw invalid(calendar, "zone", "is not set; set a time zone, such as America/Los_Angeles");
    }
    try {
      return ZoneId.of(zone.trim());
    } catch (DateTimeException e) {
      throw invalid(calendar, "zone", "'" + zone + "' is not a known time zone, such as America/Los_Angeles");
    }
  }

  private static IllegalArgumentException invalid(String calendar, String setting, String problem) {
    return new IllegalArgumentException("Support calendar '" + calendar + "': ticketflow.calendars." + calendar
        + "." + setting + ": " + problem);
  }
}
