package ticketflow.agentwork;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketflow.process.ModelContract;
import ticketflow.process.ModelContract.AgentTask;
import ticketflow.process.ProcessVariables;

/**
 * {@link TaskVariablesPolicy} in the engine, in front of every task service call that writes through an agent task,
 * whichever door it came by (engine REST, Tasklist's REST, the Java API). Judges callers who are logged in and not
 * administrators; ticketflow's own code and the engine's listeners run without a login or inside a command (nested
 * calls), and pass unchanged. Each check is a short command of its own before the real one: it loads the task, lets
 * Camunda's own authorization answer first (someone who may not work on the task hears that, not its rules), then
 * applies the policy, so a refusal writes nothing.
 */
final class TaskWriteGuard {

  private static final Logger log = LoggerFactory.getLogger(TaskWriteGuard.class);

  private final TaskVariablesPolicy policy = new TaskVariablesPolicy();

  /**
   * What a completion (complete, submit-form) passes on to the engine: the task's answer, without shown fields sent
   * back unchanged. Refused with a {@link FormFieldValidationException}, which engine REST answers with 400 (it answers
   * other engine exceptions of a completion with 500).
   */
  Map<String, Object> completion(CommandExecutor engine, String taskId, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty() || nested()) {
      return variables;
    }
    // Judged in the command, answered outside it: the engine logs exceptions thrown in commands as its own errors.
    Judged judged = engine.execute(context -> restricted(context, taskId, CommandChecker::checkTaskWork).map(task -> {
      try {
        return new Judged(task.getTaskDefinitionKey(), policy.unchangedDisplayFields(agentTask(task), name(task),
            plainValues(variables), variable -> plainValue(task.getVariableTyped(variable, false))), null);
      } catch (TaskVariablesPolicy.UndeclaredVariables undeclared) {
        log.info("Refused {} completing {} of {} with variables {}", context.getAuthenticatedUserId(),
            task.getTaskDefinitionKey(), ticketId(task), variables.keySet());
        return new Judged(task.getTaskDefinitionKey(), Set.<String>of(), undeclared.getMessage());
      }
    }).orElse(null));
    if (judged == null) {
      return variables;
    }
    if (judged.refusal() != null) {
      throw new FormFieldValidationException(judged.taskKey(), judged.refusal());
    }
    log.debug("Completion of {} leaves out shown fields sent back unchanged: {}", judged.taskKey(), judged.unchanged());
    // Copied typed: a JSON object sent back serialized (the ticket view from Tasklist) has no plain value to copy.
    VariableMap answer = Variables.createVariables();
    answer.putAll(variables);
    answer.keySet().removeAll(judged.unchanged());
    return answer;
  }

  /** Setting, changing or removing the task's variables (its own or through it the process's): refused with 403. */
  void variables(CommandExecutor engine, String taskId, Collection<String> names) {
    if (names == null || names.isEmpty() || nested()) {
      return;
    }
    String refusal = engine.execute(context -> restricted(context, taskId, CommandChecker::checkUpdateTaskVariable).map(task -> {
      log.info("Refused {} writing variables {} of {} of {}", context.getAuthenticatedUserId(), names,
          task.getTaskDefinitionKey(), ticketId(task));
      return policy.variableWriteRefusal(agentTask(task), name(task), ticketId(task), names);
    }).orElse(null));
    if (refusal != null) {
      throw new AuthorizationException(refusal);
    }
  }

  /** Ending the task another way than completing it (a BPMN error or an escalation): refused with 403. */
  void outsideCompletion(CommandExecutor engine, String taskId, String what) {
    if (nested()) {
      return;
    }
    String refusal = engine.execute(context -> restricted(context, taskId, CommandChecker::checkTaskWork).map(task -> {
      log.info("Refused {} trying to {} on {} of {}", context.getAuthenticatedUserId(), what, task.getTaskDefinitionKey(),
          ticketId(task));
      return policy.outsideCompletionRefusal(agentTask(task), name(task), what);
    }).orElse(null));
    if (refusal != null) {
      throw new AuthorizationException(refusal);
    }
  }

  /** A completion judged: the shown fields to leave out, or why it is refused. */
  private record Judged(String taskKey, Set<String> unchanged, String refusal) {
  }

  /** Called from inside an engine command: ticketflow's own bookkeeping or a listener, never a client directly. */
  private static boolean nested() {
    return Context.getCommandContext() != null;
  }

  /** The agent task when a logged-in non-administrator who may do this to it calls; empty when the policy has no say. */
  private static Optional<TaskEntity> restricted(CommandContext context, String taskId,
      BiConsumer<CommandChecker, TaskEntity> permission) {
    Authentication caller = context.getAuthentication();
    if (caller == null || taskId == null || context.getAuthorizationManager().isCamundaAdmin(caller)) {
      return Optional.empty();
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinition() == null
        || !ModelContract.PROCESS.equals(task.getProcessDefinition().getKey())
        || AgentTask.byKey(task.getTaskDefinitionKey()).isEmpty()) {
      // Not found or no agent task: the engine answers as it always does.
      return Optional.empty();
    }
    context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> permission.accept(checker, task));
    return Optional.of(task);
  }

  private static AgentTask agentTask(TaskEntity task) {
    return AgentTask.byKey(task.getTaskDefinitionKey()).orElseThrow();
  }

  private static String name(TaskEntity task) {
    return AgentWorkListener.taskName(task.getName(), task.getTaskDefinitionKey());
  }

  private static Object ticketId(TaskEntity task) {
    return task.getVariable(ProcessVariables.TICKET_ID);
  }

  private static Map<String, Object> plainValues(Map<String, Object> variables) {
    Map<String, Object> plain = new LinkedHashMap<>();
    variables.keySet().forEach(name -> plain.put(name, plainValue(variables instanceof VariableMap typed
        ? typed.getValueTyped(name) : variables.get(name))));
    return plain;
  }

  /** The value as given; a structured value still serialized (as engine REST passes JSON objects) as its text. */
  private static Object plainValue(Object value) {
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return value instanceof TypedValue typed ? typed.getValue() : value;
  }
}
