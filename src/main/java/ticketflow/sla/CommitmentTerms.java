package ticketflow.sla;

import java.time.Duration;
import ticketflow.ticket.Priority;
import ticketflow.calendar.SupportCalendar;

/** A priority's commitments from the commitments decision: targets in open time of one calendar (null: none). */
public record CommitmentTerms(Priority priority, SupportCalendar calendar, Duration firstResponse, Duration updateEvery,
    Duration resolution) {

  public static CommitmentTerms of(Priority priority, SupportCalendar calendar, String firstResponse, String updateEvery,
      String resolution) {
    return new CommitmentTerms(priority, calendar, CommitmentTargets.parse(firstResponse, calendar),
        CommitmentTargets.parse(updateEvery, calendar), CommitmentTargets.parse(resolution, calendar));
  }

  public Duration target(Commitment commitment) {
    return switch (commitment) {
      case FIRST_RESPONSE -> firstResponse;
      case UPDATE -> updateEvery;
      case RESOLUTION -> resolution;
    };
  }
}
