package ticketflow.sla;

import static ticketflow.process.EngineAccess.asSystem;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import ticketflow.calendar.SupportCalendar;
import ticketflow.calendar.SupportCalendars;
import ticketflow.process.ModelContract.CommitmentsColumns;
import ticketflow.process.ModelContract.Decision;
import ticketflow.ticket.Priority;

/**
 * The designers' commitments table (bpmn/commitments.dmn), latest deployed version, read into terms. It is asked
 * what the business-rule task asks it: priority, plan, queue and channel ({@link CommitmentInputs}).
 */
@Component
public class CommitmentsDecision {

  private final DecisionService decisions;
  private final SupportCalendars calendars;

  CommitmentsDecision(DecisionService decisions, SupportCalendars calendars) {
    this.decisions = decisions;
    this.calendars = calendars;
  }

  /** The table's row for these inputs, output column to value, or empty when the table has none. */
  public Optional<Map<String, Object>> row(CommitmentInputs inputs) {
    DmnDecisionResultEntries row = asSystem(() -> decisions.evaluateDecisionByKey(Decision.COMMITMENTS.id())
        .variables(inputs.variables()).evaluate().getSingleResult());
    return Optional.ofNullable(row).map(DmnDecisionResultEntries::getEntryMap);
  }

  /** The terms of the table's row for these inputs, or empty when the table has none. */
  public Optional<CommitmentTerms> find(CommitmentInputs inputs) {
    return row(inputs).map(r -> terms(inputs.priority(), r));
  }

  public CommitmentTerms evaluate(CommitmentInputs inputs) {
    return find(inputs).orElseThrow(() -> new IllegalStateException("The commitments table has no row for " + inputs));
  }

  /** Terms from one row of the table, as the business-rule task's single result or an evaluation gives it. */
  public CommitmentTerms terms(Priority priority, Map<String, Object> row) {
    SupportCalendar calendar = calendars.get(String.valueOf(row.get(CommitmentsColumns.CALENDAR)));
    return CommitmentTerms.of(priority, calendar, (String) row.get(CommitmentsColumns.FIRST_RESPONSE),
        (String) row.get(CommitmentsColumns.UPDATE_EVERY), (String) row.get(CommitmentsColumns.RESOLUTION),
        (Number) row.get(CommitmentsColumns.TASK_PRIORITY));
  }
}
