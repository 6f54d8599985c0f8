package ticketflow.agentwork;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task service with {@link TaskWriteGuard} in front of every call that writes through a task: completing
 * and resolving, setting, updating and removing variables (task-local or not; the public overloads, typed ones
 * included, all end in the methods overridden here), BPMN errors and escalations.
 */
class GuardedTaskService extends TaskServiceImpl {

  private final TaskWriteGuard guard;

  GuardedTaskService(TaskWriteGuard guard) {
    this.guard = guard;
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    super.complete(taskId, guard.completion(commandExecutor, taskId, variables));
  }

  @Override
  public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
    return super.completeWithVariablesInReturn(taskId, guard.completion(commandExecutor, taskId, variables), deserializeValues);
  }

  /** A delegated task handed back: its variables would reach the process without the completion's rules. */
  @Override
  public void resolveTask(String taskId, Map<String, Object> variables) {
    guard.variables(commandExecutor, taskId, variables == null ? null : variables.keySet());
    super.resolveTask(taskId, variables);
  }

  @Override
  protected void setVariables(String taskId, Map<String, ?> variables, boolean local) {
    guard.variables(commandExecutor, taskId, variables == null ? null : variables.keySet());
    super.setVariables(taskId, variables, local);
  }

  @Override
  protected void updateVariables(String taskId, Map<String, ?> modifications, Collection<String> deletions, boolean local) {
    List<String> names = new ArrayList<>();
    if (modifications != null) {
      names.addAll(modifications.keySet());
    }
    if (deletions != null) {
      names.addAll(deletions);
    }
    guard.variables(commandExecutor, taskId, names);
    super.updateVariables(taskId, modifications, deletions, local);
  }

  @Override
  public void removeVariable(String taskId, String variableName) {
    guard.variables(commandExecutor, taskId, List.of(variableName));
    super.removeVariable(taskId, variableName);
  }

  @Override
  public void removeVariableLocal(String taskId, String variableName) {
    guard.variables(commandExecutor, taskId, List.of(variableName));
    super.removeVariableLocal(taskId, variableName);
  }

  @Override
  public void removeVariables(String taskId, Collection<String> variableNames) {
    guard.variables(commandExecutor, taskId, variableNames);
    super.removeVariables(taskId, variableNames);
  }

  @Override
  public void removeVariablesLocal(String taskId, Collection<String> variableNames) {
    guard.variables(commandExecutor, taskId, variableNames);
    super.removeVariablesLocal(taskId, variableNames);
  }

  // An uncaught BPMN error ends the task's path silently: nothing in the lifecycle catches one from an agent task.
  @Override
  public void handleBpmnError(String taskId, String errorCode) {
    guard.outsideCompletion(commandExecutor, taskId, "throw a BPMN error");
    super.handleBpmnError(taskId, errorCode);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
    guard.outsideCompletion(commandExecutor, taskId, "throw a BPMN error");
    super.handleBpmnError(taskId, errorCode, errorMessage);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
    guard.outsideCompletion(commandExecutor, taskId, "throw a BPMN error");
    super.handleBpmnError(taskId, errorCode, errorMessage, variables);
  }

  @Override
  public void handleEscalation(String taskId, String escalationCode) {
    guard.outsideCompletion(commandExecutor, taskId, "throw an escalation");
    super.handleEscalation(taskId, escalationCode);
  }

  @Override
  public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
    guard.outsideCompletion(commandExecutor, taskId, "throw an escalation");
    super.handleEscalation(taskId, escalationCode, variables);
  }
}
