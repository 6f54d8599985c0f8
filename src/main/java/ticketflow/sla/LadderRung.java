package ticketflow.sla;

import java.time.Duration;
import java.util.List;

/**
 * One step of a commitment's escalation ladder, from the escalation-ladder table: at {@code percent} of the target
 * the clock takes {@code state}, the ticket reaches {@code level}, its tasks are offered to {@code offerTo} and
 * {@code mailTo} hear of it ({@code queue} stands for the ticket's queue).
 */
public record LadderRung(String step, int percent, SlaState state, int level, List<String> offerTo, List<String> mailTo) {

  /** The open time into the target at which the step falls due. */
  public Duration of(Duration target) {
    return target.multipliedBy(percent).dividedBy(100);
  }
}
