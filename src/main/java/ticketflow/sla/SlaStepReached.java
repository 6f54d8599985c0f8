package ticketflow.sla;

import java.time.Instant;
import java.util.List;

/**
 * A commitment reached a step of its escalation ladder: {@code state} is the state the step gives the clock
 * ({@code stateChanged} when the clock was not in it yet), {@code due} when the commitment falls (fell) due,
 * {@code offeredTo} the groups its tasks are now offered to as well and {@code mailTo} the groups to tell.
 */
public record SlaStepReached(String ticketId, Commitment commitment, String step, SlaState state, boolean stateChanged,
    int level, Instant due, List<String> offeredTo, List<String> mailTo) {
}
