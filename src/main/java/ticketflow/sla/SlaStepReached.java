package ticketflow.sla;

import java.time.Instant;

/** A commitment reached a step of its escalation ladder; {@code due} is when the commitment falls (fell) due. */
public record SlaStepReached(String ticketId, Commitment commitment, LadderStep step, Instant due) {
}
