package ticketflow.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.api.ApiException;

/**
 * SLA figures for support managers, support leads and administrators (the security configuration enforces it).
 * Both answers are GETs: they may also be read with the manager's Cockpit session, never changed through it.
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
   * Open, at-risk and breached tickets now; first-response compliance and median for tickets created in [from, to).
   * Both are ISO-8601 instants; {@code to} defaults to now, {@code from} to 30 days before {@code to}.
   */
  @GetMapping("/api/reports/sla")
  SlaFigures sla(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    Instant end = to == null ? report.now() : instant("to", to);
    Instant start = from == null ? end.minus(SlaReport.MONTH) : instant("from", from);
    if (!start.isBefore(end)) {
      throw ApiException.invalidField("to", "must be after from (" + start + ")");
    }
    if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
      throw ApiException.invalidField("from", "must be at most 366 days before to");
    }
    return report.figures(start, end);
  }

  /** What the Cockpit "Ticket SLA board" shows: the figures now, compliance over the last 7 and 30 days. */
  @GetMapping("/api/reports/sla/board")
  SlaBoard board() {
    return report.board();
  }

  private static Instant instant(String field, String value) {
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalidField(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
    }
  }
}
