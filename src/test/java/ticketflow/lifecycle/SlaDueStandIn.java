package ticketflow.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Stand-in for the {@code slaDue} bean the model's SLA timers, gateways, task due dates and priorities call: targets on the wall
 * clock from the ticket's opening, the default ladder (75, 100, 150 %), a step it does not know parked at the end of
 * time. Public, as the engine's expressions call it.
 */
public final class SlaDueStandIn {

  static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");
  private static final Map<String, Integer> PERCENT = Map.of("AT_RISK", 75, "BREACHED", 100, "LEVEL_2", 150);

  private final Map<String, Instant> openedAt = new HashMap<>();
  private final Map<String, Map<String, Duration>> targets = new HashMap<>();
  private final Map<String, Instant> updateDue = new HashMap<>();
  private final Map<String, Integer> taskPriority = new HashMap<>();

  void open(String ticketId, Instant at, Duration firstResponse, Duration resolution, Duration updateEvery,
      Integer taskPriority) {
    openedAt.put(ticketId, at);
    this.taskPriority.put(ticketId, taskPriority == null ? 50 : taskPriority);
    Map<String, Duration> byCommitment = new HashMap<>();
    byCommitment.put("FIRST_RESPONSE", firstResponse);
    byCommitment.put("RESOLUTION", resolution);
    byCommitment.put("UPDATE", updateEvery);
    targets.put(ticketId, byCommitment);
    if (updateEvery != null) {
      updateDue.put(ticketId, at.plus(updateEvery));
    }
  }

  void updateDue(String ticketId, Instant next) {
    updateDue.put(ticketId, next);
  }

  public Date at(DelegateExecution execution, String commitment, String step) {
    String ticketId = execution.getProcessBusinessKey();
    if ("UPDATE".equals(commitment)) {
      return Date.from(updateDue.getOrDefault(ticketId, NEVER));
    }
    Duration target = targets.get(ticketId).get(commitment);
    Integer percent = PERCENT.get(step);
    return Date.from(target == null || percent == null ? NEVER
        : openedAt.get(ticketId).plus(target.multipliedBy(percent).dividedBy(100)));
  }

  public Date due(DelegateExecution execution, String commitment) {
    Duration target = targets.get(execution.getProcessBusinessKey()).get(commitment);
    return target == null ? null : Date.from(openedAt.get(execution.getProcessBusinessKey()).plus(target));
  }

  public boolean has(DelegateExecution execution, String commitment) {
    return has(execution.getProcessBusinessKey(), commitment);
  }

  /** The commitments row's task priority, as the clocks keep it (Camunda's default 50 without the column). */
  public int taskPriority(DelegateExecution execution) {
    return taskPriority.get(execution.getProcessBusinessKey());
  }

  /** Whether the ticket, opened earlier, has the commitment: a reopened ticket runs its branch again. */
  boolean has(String ticketId, String commitment) {
    return targets.get(ticketId).get(commitment) != null;
  }
}
