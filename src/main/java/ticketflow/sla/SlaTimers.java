package ticketflow.sla;

import static ticketflow.process.EngineAccess.asSystem;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import ticketflow.process.LifecycleInstances;
import ticketflow.process.ModelContract;
import ticketflow.process.ModelContract.AgentTask;

/**
 * The commitment timers of a ticket's ticket-lifecycle instance, found by what they declare in the model
 * ({@link TimerDeclarations}), never by element id: moved when a clock pauses, resumes or changes target, never
 * created twice.
 */
@Component
class SlaTimers {

  /**
   * A paused clock's timer waits with a due date at the end of time until the clock resumes and moves it back.
   * (Suspending the job instead would be a bulk update that clashes with moving it in the same transaction.)
   */
  static final Instant PAUSED = Instant.parse("9999-12-31T00:00:00Z");

  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final LifecycleInstances instances;

  SlaTimers(RuntimeService runtime, ManagementService management, TaskService tasks, RepositoryService repository,
      LifecycleInstances instances) {
    this.runtime = runtime;
    this.instances = instances;
    this.management = management;
    this.tasks = tasks;
    this.repository = repository;
  }

  /** The timers of the commitment in the ticket's model, by ladder step ({@code DUE} for the update timer). */
  Map<String, String> timersOf(String ticketId, Commitment commitment) {
    return declarations(ticketId).map(d -> d.timersOf(commitment)).orElse(Map.of());
  }

  void move(String ticketId, String activityId, Instant due) {
    asSystem(() -> job(ticketId, activityId).ifPresent(job -> management.setJobDuedate(job.getId(), Date.from(due))));
  }

  void pause(String ticketId, Collection<String> activityIds) {
    activityIds.forEach(a -> move(ticketId, a, PAUSED));
  }

  void setVariables(String ticketId, Map<String, Object> variables) {
    asSystem(() -> instance(ticketId).ifPresent(pi -> runtime.setVariables(pi.id(), variables)));
  }

  /** A variable of the ticket's instance, or null when it has none (or no running instance). */
  String variable(String ticketId, String name) {
    return asSystem(() -> instance(ticketId).map(pi -> (String) runtime.getVariable(pi.id(), name)).orElse(null));
  }

  /** Offers every open task of the ticket to more groups as well (escalation); the queue keeps it too. */
  void offerOpenTasks(String ticketId, List<String> groups) {
    asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(ticketId).list()
        .forEach(task -> groups.forEach(group -> tasks.addCandidateGroup(task.getId(), group))));
  }

  /** The due date Tasklist sorts by: each open task of the ticket gets the due time of its commitment. */
  void dueOpenTasks(String ticketId, Map<AgentTask, Instant> dueByTask) {
    asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(ticketId).list().forEach(task -> {
      Instant due = AgentTask.byKey(task.getTaskDefinitionKey()).map(dueByTask::get).orElse(null);
      if (due != null && (task.getDueDate() == null || !task.getDueDate().toInstant().equals(due))) {
        task.setDueDate(Date.from(due));
        tasks.saveTask(task);
      }
    }));
  }

  /** Tasklist sorts by task priority too: the ticket's open tasks take the new one. */
  void prioritiseOpenTasks(String ticketId, int priority) {
    asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(ticketId).list().stream()
        .filter(task -> task.getPriority() != priority).forEach(task -> tasks.setPriority(task.getId(), priority)));
  }

  void startBranch(String ticketId, Commitment commitment) {
    asSystem(() -> instance(ticketId).ifPresent(pi -> declarations(ticketId).flatMap(d -> d.branchStart(commitment))
        .ifPresent(gateway -> runtime.createProcessInstanceModification(pi.id()).startBeforeActivity(gateway).execute())));
  }

  void cancelBranch(String ticketId, Collection<String> activityIds) {
    asSystem(() -> instance(ticketId).ifPresent(pi -> activityIds.stream().filter(a -> job(ticketId, a).isPresent()).forEach(a ->
        runtime.createProcessInstanceModification(pi.id()).cancelAllForActivity(a).execute())));
  }

  private Optional<TimerDeclarations> declarations(String ticketId) {
    return asSystem(() -> instance(ticketId)
        .map(pi -> TimerDeclarations.of(pi.definitionId(), repository::getBpmnModelInstance)));
  }

  private Optional<Job> job(String ticketId, String activityId) {
    return instance(ticketId).map(pi -> management.createJobQuery().processInstanceId(pi.id()).activityId(activityId)
        .singleResult());
  }

  private Optional<LifecycleInstances.Instance> instance(String ticketId) {
    return instances.of(ticketId).stream().findFirst();
  }


}
