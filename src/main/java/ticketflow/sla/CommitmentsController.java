package ticketflow.sla;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.account.Plan;
import ticketflow.api.ApiException;
import ticketflow.calendar.SupportCalendar;
import ticketflow.channel.Channel;
import ticketflow.process.ModelContract.CommitmentsColumns;
import ticketflow.security.Groups;
import ticketflow.ticket.Priority;

/**
 * What the response commitments would be for a ticket submitted at a given instant, from the deployed commitments
 * table and the configured calendars: for portals telling customers when to expect an answer, and for designers
 * checking a change. Plan, queue and channel are optional, as the table may or may not look at them.
 */
@RestController
@Validated
class CommitmentsController {

  /** Calendars answer for instants a ticket can have; far outside them date arithmetic overflows. */
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final CommitmentsDecision decision;

  CommitmentsController(CommitmentsDecision decision) {
    this.decision = decision;
  }

  @GetMapping(path = "/api/commitments", produces = MediaType.APPLICATION_JSON_VALUE)
  CommitmentsView commitments(@RequestParam @NotNull Priority priority, @RequestParam String from,
      @RequestParam(required = false) Plan plan, @RequestParam(required = false) String queue,
      @RequestParam(required = false) Channel channel) {
    Instant start;
    try {
      start = Instant.parse(from);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidField("from", "must be an ISO-8601 UTC instant such as 2026-12-24T16:30:00Z");
    }
    if (start.isBefore(EARLIEST) || start.isAfter(LATEST)) {
      throw ApiException.invalidField("from", "must lie between " + EARLIEST + " and " + LATEST);
    }
    if (queue != null && !Groups.AGENT_QUEUES.contains(queue)) {
      throw ApiException.invalidField("queue", "must be an agent queue: " + String.join(", ", new TreeSet<>(Groups.AGENT_QUEUES)));
    }
    if (channel != null && channel.deflects()) {
      throw ApiException.invalidField("channel", "must be a channel agents serve (WEB, CHAT, PHONE): tickets on "
          + channel + " get no commitments");
    }
    CommitmentInputs inputs = new CommitmentInputs(priority, plan == null ? null : plan.name(), queue,
        channel == null ? null : channel.name());
    Map<String, Object> row = decision.row(inputs).orElseThrow(() -> ApiException.unprocessable("No commitments",
        "The commitments table has no row for " + inputs + "; it may need the plan, queue or channel."));
    CommitmentTerms terms = decision.terms(priority, row);
    SupportCalendar calendar = terms.calendar();
    String updateEvery = (String) row.get(CommitmentsColumns.UPDATE_EVERY);
    return new CommitmentsView(priority, calendar.name(),
        terms.firstResponse() == null ? null : calendar.plus(start, terms.firstResponse()),
        terms.resolution() == null ? null : calendar.plus(start, terms.resolution()),
        updateEvery == null || updateEvery.isBlank() ? null : updateEvery, inputs.plan(), queue, inputs.channel());
  }

  record CommitmentsView(Priority priority, String calendar, Instant firstResponseDueAt, Instant resolutionDueAt,
      String updateEvery, String plan, String queue, String channel) {
  }
}
