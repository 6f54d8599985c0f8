package ticketflow.sla;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import ticketflow.calendar.SupportCalendar;
import ticketflow.calendar.SupportCalendars;
import ticketflow.process.ModelContract.CommitmentsColumns;
import ticketflow.process.ModelContract.Decision;
import ticketflow.process.ProcessVariables;
import ticketflow.ticket.Priority;

/** The designers' commitments table (bpmn/commitments.dmn), latest deployed version, read into terms. */
@Component
public class CommitmentsDecision {

  private final DecisionService decisions;
  private final SupportCalendars calendars;

  CommitmentsDecision(DecisionService decisions, SupportCalendars calendars) {
    this.decisions = decisions;
    this.calendars = calendars;
  }

  /** The priority's row of the table, or empty when the table has none. */
  public Optional<CommitmentTerms> find(Priority priority) {
    DmnDecisionResultEntries row = decisions.evaluateDecisionByKey(Decision.COMMITMENTS.id())
        .variables(Map.of(ProcessVariables.PRIORITY, priority.name())).evaluate().getSingleResult();
    return Optional.ofNullable(row).map(r -> terms(priority, r));
  }

  public CommitmentTerms evaluate(Priority priority) {
    return find(priority).orElseThrow(() -> new IllegalStateException("The commitments table has no row for priority " + priority));
  }

  /** Terms from one row of the table, as the business-rule task's single result or an evaluation gives it. */
  public CommitmentTerms terms(Priority priority, Map<String, Object> row) {
    SupportCalendar calendar = calendars.get(String.valueOf(row.get(CommitmentsColumns.CALENDAR)));
    return CommitmentTerms.of(priority, calendar, (String) row.get(CommitmentsColumns.FIRST_RESPONSE),
        (String) row.get(CommitmentsColumns.UPDATE_EVERY), (String) row.get(CommitmentsColumns.RESOLUTION),
        (Number) row.get(CommitmentsColumns.TASK_PRIORITY));
  }
}
