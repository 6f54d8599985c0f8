package ticketflow.sla;

import java.time.Duration;
import ticketflow.ticket.Priority;
import ticketflow.calendar.SupportCalendar;

/**
 * A priority's commitments from the commitments decision: targets in open time of one calendar (null: none), and
 * the priority its tasks get in Tasklist.
 */
public record CommitmentTerms(Priority priority, SupportCalendar calendar, Duration firstResponse, Duration updateEvery,
    Duration resolution, int taskPriority) {

  /** Camunda's own default task priority, for a table without the column. */
  static final int DEFAULT_TASK_PRIORITY = 50;

  public static CommitmentTerms of(Priority priority, SupportCalendar calendar, String firstResponse, String updateEvery,
      String resolution) {
    return of(priority, calendar, firstResponse, updateEvery, resolution, null);
  }

  public static CommitmentTerms of(Priority priority, SupportCalendar calendar, String firstResponse, String updateEvery,
      String resolution, Number taskPriority) {
    return new CommitmentTerms(priority, calendar, CommitmentTargets.parse(firstResponse, calendar),
        CommitmentTargets.parse(updateEvery, calendar), CommitmentTargets.parse(resolution, calendar),
        taskPriority == null ? DEFAULT_TASK_PRIORITY : taskPriority.intValue());
  }

  public Duration target(Commitment commitment) {
    return switch (commitment) {
      case FIRST_RESPONSE -> firstResponse;
      case UPDATE -> updateEvery;
      case RESOLUTION -> resolution;
    };
  }
}
