package ticketflow.process;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract.Messages;

/** The ticket-lifecycle process as the rest of ticketflow talks to it: by ticket id, never by instance id. */
@Component
public class TicketProcess {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final LifecycleInstances instances;

  TicketProcess(RuntimeService runtime, HistoryService history, LifecycleInstances instances) {
    this.runtime = runtime;
    this.history = history;
    this.instances = instances;
  }

  public void start(String ticketId, Map<String, Object> variables) {
    VariableMap all = Variables.createVariables();
    variables.forEach((name, value) -> all.put(name, ProcessVariables.DECISION_INPUTS.contains(name) && value instanceof String text
        ? Variables.stringValue(text, true) : value));
    // Transient: the business key is the ticket id; tasks keep a copy of it for Tasklist (one variable row fewer).
    all.put(ProcessVariables.TICKET_ID, Variables.stringValue(ticketId, true));
    runtime.startProcessInstanceByKey(ModelContract.PROCESS, ticketId, all);
  }

  /** Wakes a ticket waiting on the customer; false when it is not waiting. */
  public boolean customerReplied(String ticketId) {
    return correlate(ticketId, Messages.CUSTOMER_MESSAGE, Map.of());
  }

  /** Delivers the customer's answer to a proposed solution; false when none is awaited. */
  public boolean feedbackGiven(String ticketId, boolean accepted) {
    return correlate(ticketId, Messages.CUSTOMER_FEEDBACK, Map.of(ProcessVariables.ACCEPTED, accepted));
  }

  /** Whether the ticket's instance waits where the model catches {@code message} (an instance of an older model may not). */
  public boolean awaits(String ticketId, String message) {
    // The model contract's messages are the lifecycle's own: no definition filter (see ModelContract.isLifecycle).
    return runtime.createExecutionQuery().processInstanceBusinessKey(ticketId).messageEventSubscriptionName(message).count() > 0;
  }

  /**
   * A closed ticket's lifecycle starts again before {@code activityId} (a task the model contract names), as a new
   * instance of the latest model with the ticket id as business key.
   */
  public void restartBefore(String ticketId, String activityId, Map<String, Object> variables) {
    VariableMap all = Variables.createVariables();
    all.putAll(variables);
    all.put(ProcessVariables.TICKET_ID, Variables.stringValue(ticketId, true));
    runtime.createProcessInstanceByKey(ModelContract.PROCESS).businessKey(ticketId).setVariables(all)
        .startBeforeActivity(activityId).execute();
  }

  public void setVariable(String ticketId, String name, Object value) {
    instances.of(ticketId).forEach(instance -> runtime.setVariable(instance.id(), name, value));
  }

  /** Whether the ticket ever had a task of this key (open or done; activity history keeps task instances). */
  public boolean hadTask(String ticketId, String taskKey) {
    return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(ticketId).taskDefinitionKey(taskKey).list()
        .stream().anyMatch(task -> ModelContract.isLifecycle(task.getProcessDefinitionId()));
  }

  public boolean isRunning(String ticketId) {
    return !instances.of(ticketId).isEmpty();
  }

  private boolean correlate(String ticketId, String message, Map<String, Object> variables) {
    try {
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(ticketId).setVariables(variables).correlateWithResult();
      return true;
    } catch (MismatchingMessageCorrelationException notWaiting) {
      return false;
    }
  }
}
