package ticketflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The support calendars an operator configures under {@code ticketflow.calendars.<name>}; they add to or
 * replace, by name, the defaults {@code 24x7} and {@code business}. For example:
 *
 * <pre>
 * ticketflow:
 *   calendars:
 *     riyadh:
 *       zone: Asia/Riyadh
 *       days: [SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY]
 *       opens: "08:00"
 *       closes: "16:00"
 *       holidays: SA
 *     emea:
 *       zone: Europe/Berlin
 *       opens: "08:00"
 *       closes: "16:00"
 *       holidays: DE-BY
 *       extra-holidays: [2026-12-24]
 *     business:
 *       removed-holidays: [2026-10-12]
 * </pre>
 */
@ConfigurationProperties(prefix = "ticketflow")
class SupportCalendarProperties {

  private final Map<String, CalendarSettings> calendars = new LinkedHashMap<>();

  public Map<String, CalendarSettings> getCalendars() {
    return calendars;
  }

  enum CalendarType { WALL_CLOCK, WORKING_HOURS }

  /** One calendar; every setting but {@code type} only applies to working hours. */
  static class CalendarSettings {

    /** Unset: {@code WALL_CLOCK} for a calendar named {@code 24x7}, otherwise {@code WORKING_HOURS}. */
    private CalendarType type;
    private String zone = "America/Los_Angeles";
    private List<DayOfWeek> days = new ArrayList<>(List.of(
        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
    private LocalTime opens = LocalTime.of(9, 0);
    private LocalTime closes = LocalTime.of(17, 0);
    /**
     * Countries by ISO 3166 code, optionally with a subdivision ({@code SA}, {@code US-CA}), or {@code US_FEDERAL}.
     * Unset, as {@code holiday-rules}: {@code US_FEDERAL}.
     */
    private List<String> holidays;
    /** The older name of {@code holidays}; both lists count. */
    private List<String> holidayRules;
    private List<LocalDate> extraHolidays = new ArrayList<>();
    private List<LocalDate> removedHolidays = new ArrayList<>();

    public CalendarType getType() {
      return type;
    }

    public void setType(CalendarType type) {
      this.type = type;
    }

    public String getZone() {
      return zone;
    }

    public void setZone(String zone) {
      this.zone = zone;
    }

    public List<DayOfWeek> getDays() {
      return days;
    }

    public void setDays(List<DayOfWeek> days) {
      this.days = days;
    }

    public LocalTime getOpens() {
      return opens;
    }

    public void setOpens(LocalTime opens) {
      this.opens = opens;
    }

    public LocalTime getCloses() {
      return closes;
    }

    public void setCloses(LocalTime closes) {
      this.closes = closes;
    }

    public List<String> getHolidays() {
      return holidays;
    }

    public void setHolidays(List<String> holidays) {
      this.holidays = holidays;
    }

    public List<String> getHolidayRules() {
      return holidayRules;
    }

    public void setHolidayRules(List<String> holidayRules) {
      this.holidayRules = holidayRules;
    }

    public List<LocalDate> getExtraHolidays() {
      return extraHolidays;
    }

    public void setExtraHolidays(List<LocalDate> extraHolidays) {
      this.extraHolidays = extraHolidays;
    }

    public List<LocalDate> getRemovedHolidays() {
      return removedHolidays;
    }

    public void setRemovedHolidays(List<LocalDate> removedHolidays) {
      this.removedHolidays = removedHolidays;
    }
  }
}
