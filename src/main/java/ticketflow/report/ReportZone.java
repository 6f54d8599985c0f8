package ticketflow.report;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import ticketflow.calendar.SupportCalendar;
import ticketflow.calendar.SupportCalendars;
import ticketflow.calendar.WorkingHoursCalendar;

/** The zone the report's days are counted in: the business calendar's (UTC when it has none or keeps wall-clock time). */
@Component
class ReportZone {

  private final ZoneId zone;

  ReportZone(SupportCalendars calendars) {
    SupportCalendar business = calendars.names().contains(SupportCalendars.BUSINESS) ? calendars.get(SupportCalendars.BUSINESS) : null;
    this.zone = business instanceof WorkingHoursCalendar hours ? hours.zone() : ZoneOffset.UTC;
  }

  ZoneId zone() {
    return zone;
  }
}
