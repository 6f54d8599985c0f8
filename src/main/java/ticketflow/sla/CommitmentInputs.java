package ticketflow.sla;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import ticketflow.process.ProcessVariables;
import ticketflow.ticket.Priority;

/**
 * What the commitments table is asked about a ticket: its priority, and its plan, queue and channel, which a designer
 * may use to promise more (ENTERPRISE a faster P2, say). The business-rule task gives the table the same variables.
 *
 * @param plan the account's plan at submission, such as ENTERPRISE; null when unknown
 * @param queue the agent queue the ticket was routed to; null when unknown
 * @param channel the channel an agent serves it on (WEB, CHAT, PHONE); null when unknown
 */
public record CommitmentInputs(Priority priority, String plan, String queue, String channel) {

  public CommitmentInputs {
    Objects.requireNonNull(priority, "priority");
  }

  /** The priority alone, as a table that looks at nothing else needs. */
  public static CommitmentInputs of(Priority priority) {
    return new CommitmentInputs(priority, null, null, null);
  }

  /** The decision's variables; an unknown input is given as null, which only a "-" entry matches. */
  Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.PRIORITY, priority.name());
    variables.put(ProcessVariables.PLAN, plan);
    variables.put(ProcessVariables.QUEUE, queue);
    variables.put(ProcessVariables.CHANNEL, channel);
    return variables;
  }

  @Override
  public String toString() {
    return priority + (plan == null ? "" : ", plan " + plan) + (queue == null ? "" : ", queue " + queue)
        + (channel == null ? "" : ", channel " + channel);
  }
}
