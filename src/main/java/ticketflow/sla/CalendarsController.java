package ticketflow.sla;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.api.ApiException;
import ticketflow.calendar.Holiday;
import ticketflow.calendar.SupportCalendar;
import ticketflow.calendar.SupportCalendars;
import ticketflow.calendar.WorkingHoursCalendar;

/**
 * The configured support calendars, for staff checking what the commitment clocks will skip: each with its zone,
 * working week, hours and the holidays it observes in the next twelve months (from today in its zone).
 */
@RestController
class CalendarsController {

  private final SupportCalendars calendars;
  private final Clock clock;

  CalendarsController(SupportCalendars calendars, Clock clock) {
    this.calendars = calendars;
    this.clock = clock;
  }

  @GetMapping(path = "/api/calendars", produces = MediaType.APPLICATION_JSON_VALUE)
  List<CalendarView> calendars() {
    return calendars.names().stream().map(name -> view(calendars.get(name))).toList();
  }

  @GetMapping(path = "/api/calendars/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
  CalendarView calendar(@PathVariable String name) {
    if (!calendars.names().contains(name)) {
      throw ApiException.notFound("Calendar", name);
    }
    return view(calendars.get(name));
  }

  private CalendarView view(SupportCalendar calendar) {
    if (!(calendar instanceof WorkingHoursCalendar hours)) {
      return new CalendarView(calendar.name(), "WALL_CLOCK", null, List.of(), null, null, calendar.businessDay(),
          List.of(), List.of(), List.of(), List.of());
    }
    LocalDate today = LocalDate.now(clock.withZone(hours.zone()));
    LocalDate end = today.plusMonths(12);
    List<HolidayView> next = Stream.of(today.getYear(), end.getYear()).distinct()
        .flatMap(year -> hours.holidays().holidaysIn(year).stream())
        .filter(h -> !h.observed().isBefore(today) && h.observed().isBefore(end))
        .map(HolidayView::of).toList();
    return new CalendarView(calendar.name(), "WORKING_HOURS", hours.zone().getId(),
        hours.days().stream().sorted().toList(), hours.opens(), hours.closes(), hours.businessDay(),
        hours.holidays().rules(), hours.holidays().extraDates(), hours.holidays().removedDates(), next);
  }

  /**
   * @param businessDay what a day of a commitment target lasts on this calendar ({@code P1D} in the table)
   * @param holidays the rules of the calendar's holidays: countries such as SA or US-CA, or US_FEDERAL
   * @param nextHolidays the days it stays closed for a holiday in the next twelve months, in order
   */
  record CalendarView(String name, String type, String zone, List<DayOfWeek> days, LocalTime opens, LocalTime closes,
      Duration businessDay, List<String> holidays, List<LocalDate> extraHolidays, List<LocalDate> removedHolidays,
      List<HolidayView> nextHolidays) {
  }

  /** A holiday closing the calendar on {@code observed}; {@code date} is the day it falls on, when that differs. */
  record HolidayView(LocalDate observed, String name, LocalDate date) {

    static HolidayView of(Holiday holiday) {
      return new HolidayView(holiday.observed(), holiday.name(), holiday.date());
    }
  }
}
