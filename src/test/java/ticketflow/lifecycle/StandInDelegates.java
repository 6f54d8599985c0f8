package ticketflow.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Stand-ins for the Spring beans that ticket-lifecycle names in its delegate expressions. Each sets the process
 * variables its real counterpart sets, in the simplest way (wall-clock targets, no database), and records what the
 * model asked of it, so the process tests check the model's paths and what each step is handed.
 */
final class StandInDelegates {

  /** A ladder step or flagged update the model asked for: which delegate, with which inputs, how long after opening. */
  record Reached(String delegate, String commitment, String step, Duration afterOpening) {

    static Reached atRisk(String commitment, Duration after) {
      return new Reached("flagAtRisk", commitment, "AT_RISK", after);
    }

    static Reached escalated(String commitment, int level, Duration after) {
      return new Reached("escalate", commitment, level == 1 ? "BREACHED" : "LEVEL_" + level, after);
    }

    static Reached updateOverdue(Duration after) {
      return new Reached("flagUpdateOverdue", "UPDATE", null, after);
    }
  }

  private final Map<String, List<String>> entitlements = new HashMap<>();
  private final Map<String, Map<String, Object>> commitmentRows = new HashMap<>();
  private final Map<String, Instant> openedAt = new HashMap<>();
  private final Map<String, Duration> updateCadence = new HashMap<>();
  private final List<String> deflected = new ArrayList<>();
  private final List<Reached> reached = new ArrayList<>();
  private final List<String> closedAt = new ArrayList<>();
  private final List<String> agentWork = new ArrayList<>();
  private final List<String> extraGroups = new ArrayList<>();
  private final SlaDueStandIn slaDue = new SlaDueStandIn();
  private final RoutingStandIn routing = new RoutingStandIn();
  private final Map<String, Map<String, Object>> triage = new HashMap<>();

  /** Registers every stand-in under its bean name; Mocks keeps them for the current thread until Mocks.reset(). */
  StandInDelegates register() {
    Mocks.register("assignChannel", (JavaDelegate) this::assignChannel);
    Mocks.register("suggestArticles", (JavaDelegate) e -> deflected.add(e.getProcessBusinessKey()));
    Mocks.register("openTicket", (JavaDelegate) this::openTicket);
    Mocks.register("flagAtRisk", (JavaDelegate) e -> reached(e, "flagAtRisk"));
    Mocks.register("escalate", (JavaDelegate) e -> reached(e, "escalate"));
    Mocks.register("flagUpdateOverdue", (JavaDelegate) this::flagUpdateOverdue);
    Mocks.register("closeTicket", (ExecutionListener) e -> closedAt.add(e.getCurrentActivityId()));
    Mocks.register("agentWorkListener", (TaskListener) this::agentWork);
    Mocks.register("slaDue", slaDue);
    Mocks.register("autoClose", new AutoCloseStandIn());
    Mocks.register("routing", routing);
    return this;
  }

  /** The on-call rule of the real OpenTicket, reduced to a switch: the first response is offered to these too. */
  void alsoOfferTo(String group) {
    extraGroups.add(group);
  }

  /** AssignChannel: the requested channel when the entitlement table grants it, else the best granted one. */
  private void assignChannel(DelegateExecution execution) {
    Collection<?> entitled = (Collection<?>) execution.getVariable("entitledChannels");
    entitlements.put(execution.getProcessBusinessKey(), entitled.stream().map(String::valueOf).toList());
    String requested = (String) execution.getVariable("requestedChannel");
    List<String> fromLeastToMostPersonal = List.of("SELF_SERVICE", "CHATBOT", "WEB", "CHAT", "PHONE");
    String assigned = entitled.contains(requested) ? requested
        : fromLeastToMostPersonal.stream().filter(entitled::contains).reduce((worse, better) -> better).orElse("SELF_SERVICE");
    execution.setVariable("channel", assigned);
    // Transient as in production: only the next gateway may read them.
    execution.setVariable("channelReason", Variables.stringValue("stand-in", true));
    execution.setVariable("deflected", Variables.booleanValue(List.of("SELF_SERVICE", "CHATBOT").contains(assigned), true));
    execution.removeVariable("entitledChannels");
  }

  /** OpenTicket: starts the clocks from the commitments row, 75 / 100 / 150 % of each target on the wall clock. */
  private void openTicket(DelegateExecution execution) {
    String ticketId = execution.getProcessBusinessKey();
    @SuppressWarnings("unchecked")
    Map<String, Object> row = (Map<String, Object>) execution.getVariable("commitmentTargets");
    Instant now = ClockUtil.now().toInstant();
    commitmentRows.put(ticketId, new HashMap<>(row));
    openedAt.put(ticketId, now);
    slaDue.open(ticketId, now, target(row, "firstResponse"), target(row, "resolution"), target(row, "updateEvery"),
        row.get("taskPriority") instanceof Number n ? n.intValue() : null);
    updateCadence.put(ticketId, target(row, "updateEvery"));
    execution.setVariable("escalationLevel", 0);
    String queue = (String) execution.getVariable("queue");
    routing.routed(ticketId, queue);
    Map<String, Object> decided = new HashMap<>();
    for (String name : List.of("channel", "priority", "queue")) {
      decided.put(name, execution.getVariable(name));
    }
    triage.put(ticketId, decided);
    List<String> groups = new ArrayList<>(List.of(queue));
    groups.addAll(extraGroups);
    execution.setVariable("offeredTo", String.join(",", groups));
    // As the real OpenTicket: the ticket keeps channel, priority and queue; later steps read them there.
    execution.removeVariables(List.of("commitmentTargets", "channel", "priority", "queue"));
  }

  private static Duration target(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? null : Duration.parse((String) value);
  }

  private void reached(DelegateExecution execution, String delegate) {
    reached.add(new Reached(delegate, (String) execution.getVariableLocal("commitment"), (String) execution.getVariableLocal("step"),
        sinceOpening(execution)));
  }

  /** FlagUpdateOverdue: the next update falls due one cadence from now. */
  private void flagUpdateOverdue(DelegateExecution execution) {
    reached.add(Reached.updateOverdue(sinceOpening(execution)));
    slaDue.updateDue(execution.getProcessBusinessKey(), ClockUtil.now().toInstant().plus(updateCadence.get(execution.getProcessBusinessKey())));
  }

  private Duration sinceOpening(DelegateExecution execution) {
    return Duration.between(openedAt.get(execution.getProcessBusinessKey()), ClockUtil.now().toInstant());
  }

  private void agentWork(DelegateTask task) {
    agentWork.add(task.getEventName() + " " + task.getTaskDefinitionKey());
  }

  /** What the entitlement table granted the ticket, as AssignChannel received it. */
  List<String> entitledChannels(String ticketId) {
    return entitlements.get(ticketId);
  }

  /** Channel, priority and queue as OpenTicket received them from the decisions. */
  Map<String, Object> triage(String ticketId) {
    return triage.get(ticketId);
  }

  /** The commitments table's row as OpenTicket received it. */
  Map<String, Object> commitmentRow(String ticketId) {
    return commitmentRows.get(ticketId);
  }

  Instant openedAt(String ticketId) {
    return openedAt.get(ticketId);
  }

  List<String> deflected() {
    return deflected;
  }

  /** Ladder steps and flagged updates in the order the model asked for them. */
  List<Reached> reached() {
    return reached;
  }

  /** The closing end events whose closeTicket listener ran. */
  List<String> closedAt() {
    return closedAt;
  }

  /** "create FirstResponse", "complete FirstResponse", …: the agentWorkListener calls in order. */
  List<String> agentWork() {
    return agentWork;
  }
}
