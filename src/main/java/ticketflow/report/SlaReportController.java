package ticketflow.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.api.ApiException;

/**
 * SLA figures for support managers, support leads and administrators (the security configuration enforces it).
 * Every answer is a GET: they may also be read with the manager's Cockpit session, never changed through it.
 */
@RestController
class SlaReportController {

  /** Longest window a report covers. */
  static final Duration MAX_WINDOW = Duration.ofDays(366);

  private final SlaReport report;

  SlaReportController(SlaReport report) {
    this.report = report;
  }

  /**
   * Open, at-risk and breached tickets now; compliance, per-queue figures, satisfaction and the daily trend for tickets
   * created in [from, to). Both are ISO-8601 instants; {@code to} defaults to now, {@code from} to 30 days before
   * {@code to}. Or {@code days}: the last that many days of the report's zone, today included (from its midnight to now).
   */
  @GetMapping(path = "/api/reports/sla", produces = MediaType.APPLICATION_JSON_VALUE)
  SlaFigures sla(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String days) {
    if (days != null && from != null) {
      throw ApiException.invalidField("days", "cannot be given with from");
    }
    Instant end = to == null ? report.now() : instant("to", to);
    Instant start = from != null ? instant("from", from) : days != null ? report.startOfLastDays(days(days), end)
        : end.minus(SlaReport.MONTH);
    if (!start.isBefore(end)) {
      throw ApiException.invalidField("to", "must be after from (" + start + ")");
    }
    if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
      throw ApiException.invalidField("from", "must be at most 366 days before to");
    }
    return report.figures(start, end);
  }

  /** The per-queue and per-day tables as CSV, for {@code Accept: text/csv}. */
  @GetMapping(path = "/api/reports/sla", produces = SlaCsv.MEDIA_TYPE)
  ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String days) {
    SlaFigures figures = sla(from, to, days);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(SlaCsv.MEDIA_TYPE + ";charset=UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"sla-report.csv\"").body(SlaCsv.of(figures));
  }

  /** The same CSV at a path of its own, for links and spreadsheets that cannot set headers. */
  @GetMapping("/api/reports/sla.csv")
  ResponseEntity<String> csvFile(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String days) {
    return csv(from, to, days);
  }

  /** What the Cockpit "Ticket SLA board" shows: the figures now, compliance over the last 7 and 30 days. */
  @GetMapping("/api/reports/sla/board")
  SlaBoard board() {
    return report.board();
  }

  private static int days(String value) {
    try {
      int days = Integer.parseInt(value.trim());
      if (days >= 1 && days <= 366) {
        return days;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalidField("days", "must be a whole number of days from 1 to 366");
  }

  private static Instant instant(String field, String value) {
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalidField(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
    }
  }
}
