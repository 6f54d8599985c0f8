package ticketflow.sla;

import static ticketflow.process.EngineAccess.asSystem;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.api.ApiException;
import ticketflow.ticket.Priority;
import ticketflow.calendar.Calendars;
import ticketflow.calendar.SupportCalendar;
import ticketflow.calendar.SupportCalendars;
import ticketflow.process.ModelContract.CommitmentsColumns;
import ticketflow.process.ModelContract.Decision;
import ticketflow.process.ProcessVariables;

/**
 * What the response commitments would be for a ticket submitted at a given instant, from the deployed commitments
 * table and the configured calendars: for portals telling customers when to expect an answer, and for designers
 * checking a change.
 */
@RestController
@Validated
class CommitmentsController {

  /** Calendars answer for instants a ticket can have; far outside them date arithmetic overflows. */
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final DecisionService decisions;
  private final SupportCalendars calendars;

  CommitmentsController(DecisionService decisions, SupportCalendars calendars) {
    this.decisions = decisions;
    this.calendars = calendars;
  }

  @GetMapping(path = "/api/commitments", produces = MediaType.APPLICATION_JSON_VALUE)
  CommitmentsView commitments(@RequestParam @NotNull Priority priority, @RequestParam String from) {
    Instant start;
    try {
      start = Instant.parse(from);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidField("from", "must be an ISO-8601 UTC instant such as 2026-12-24T16:30:00Z");
    }
    if (start.isBefore(EARLIEST) || start.isAfter(LATEST)) {
      throw ApiException.invalidField("from", "must lie between " + EARLIEST + " and " + LATEST);
    }
    DmnDecisionResultEntries row = asSystem(() -> decisions.evaluateDecisionByKey(Decision.COMMITMENTS.id())
        .variables(Map.of(ProcessVariables.PRIORITY, priority.name())).evaluate().getSingleResult());
    if (row == null) {
      throw ApiException.unprocessable("No commitments", "The commitments table has no row for " + priority + ".");
    }
    SupportCalendar calendar = calendars.get(String.valueOf(row.get(CommitmentsColumns.CALENDAR)));
    CommitmentTerms terms = CommitmentTerms.of(priority, calendar, (String) row.get(CommitmentsColumns.FIRST_RESPONSE),
        (String) row.get(CommitmentsColumns.UPDATE_EVERY), (String) row.get(CommitmentsColumns.RESOLUTION));
    String updateEvery = (String) row.get(CommitmentsColumns.UPDATE_EVERY);
    return new CommitmentsView(priority, calendar.name(),
        terms.firstResponse() == null ? null : calendar.plus(start, terms.firstResponse()),
        terms.resolution() == null ? null : calendar.plus(start, terms.resolution()),
        updateEvery == null || updateEvery.isBlank() ? null : updateEvery);
  }

  record CommitmentsView(Priority priority, String calendar, Instant firstResponseDueAt, Instant resolutionDueAt,
      String updateEvery) {
  }
}
