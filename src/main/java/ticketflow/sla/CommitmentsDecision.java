package ticketflow.sla;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** The designers' commitments table (bpmn/commitments.dmn), latest deployed version, read into terms. */
@Component
public class CommitmentsDecision {

  public static final String KEY = "commitments";

  private final DecisionService decisions;
  private final SupportCalendars calendars;

  CommitmentsDecision(DecisionService decisions, SupportCalendars calendars) {
    this.decisions = decisions;
    this.calendars = calendars;
  }

  public CommitmentTerms evaluate(String priority) {
    DmnDecisionResultEntries row = decisions.evaluateDecisionByKey(KEY).variables(Map.of("priority", priority)).evaluate()
        .getSingleResult();
    if (row == null) {
      throw new IllegalStateException("The commitments table has no row for priority " + priority);
    }
    return terms(priority, row);
  }

  /** Terms from one row of the table, as the business-rule task's single result or an evaluation gives it. */
  public CommitmentTerms terms(String priority, Map<String, Object> row) {
    SupportCalendar calendar = calendars.get(String.valueOf(row.get("calendar")));
    return CommitmentTerms.of(priority, calendar, (String) row.get("firstResponse"), (String) row.get("updateEvery"),
        (String) row.get("resolution"));
  }
}
