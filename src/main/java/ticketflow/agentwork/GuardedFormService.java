package ticketflow.agentwork;

import java.util.Map;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/** The engine's form service with {@link TaskWriteGuard} in front of task form submissions (submitTaskFormData calls these). */
class GuardedFormService extends FormServiceImpl {

  private final TaskWriteGuard guard;

  GuardedFormService(TaskWriteGuard guard) {
    this.guard = guard;
  }

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    super.submitTaskForm(taskId, guard.completion(commandExecutor, taskId, properties));
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
    return super.submitTaskFormWithVariablesInReturn(taskId, guard.completion(commandExecutor, taskId, properties), deserializeValues);
  }
}
