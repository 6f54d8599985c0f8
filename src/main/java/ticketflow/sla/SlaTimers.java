package ticketflow.sla;

import static ticketflow.process.EngineAccess.asSystem;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract;
import ticketflow.process.ModelContract.AgentTask;

/**
 * The commitment timers of a ticket's ticket-lifecycle instance, by the BPMN ids designers see: moved when a clock
 * pauses, resumes or changes target, never created twice.
 */
@Component
class SlaTimers {

  /** The timer (boundary or intermediate) that stands for each step of each commitment. */
  static final Map<Commitment, Map<LadderStep, String>> TIMERS = Map.of(
      Commitment.FIRST_RESPONSE, Map.of(LadderStep.AT_RISK, "FirstResponseAtRisk", LadderStep.BREACHED, "FirstResponseBreached",
          LadderStep.LEVEL_2, "FirstResponseLevel2"),
      Commitment.RESOLUTION, Map.of(LadderStep.AT_RISK, "ResolutionAtRisk", LadderStep.BREACHED, "ResolutionBreached",
          LadderStep.LEVEL_2, "ResolutionLevel2"));
  static final String UPDATE_DUE = "UpdateDue";
  /** Where a clock's branch starts when a priority change gives the ticket a commitment it did not have. */
  static final Map<Commitment, String> BRANCH_START = Map.of(Commitment.RESOLUTION, "HasResolutionTarget",
      Commitment.UPDATE, "HasUpdateCadence");

  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;

  SlaTimers(RuntimeService runtime, ManagementService management, TaskService tasks) {
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
  }

  void move(String ticketId, String activityId, Instant due) {
    asSystem(() -> job(ticketId, activityId).ifPresent(job -> management.setJobDuedate(job.getId(), Date.from(due))));
  }

  /**
   * A paused clock's timer waits with a due date at the end of time until the clock resumes and moves it back.
   * (Suspending the job instead would be a bulk update that clashes with moving it in the same transaction.)
   */
  static final Instant PAUSED = Instant.parse("9999-12-31T00:00:00Z");

  void pause(String ticketId, Collection<String> activityIds) {
    activityIds.forEach(a -> move(ticketId, a, PAUSED));
  }

  void setVariables(String ticketId, Map<String, Object> variables) {
    asSystem(() -> instance(ticketId).ifPresent(pi -> runtime.setVariables(pi.getId(), variables)));
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

  void startBranch(String ticketId, Commitment commitment) {
    asSystem(() -> instance(ticketId).ifPresent(pi ->
        runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity(BRANCH_START.get(commitment)).execute()));
  }

  void cancelBranch(String ticketId, Collection<String> activityIds) {
    asSystem(() -> instance(ticketId).ifPresent(pi -> activityIds.stream().filter(a -> job(ticketId, a).isPresent()).forEach(a ->
        runtime.createProcessInstanceModification(pi.getId()).cancelAllForActivity(a).execute())));
  }

  private Optional<Job> job(String ticketId, String activityId) {
    return instance(ticketId).map(pi -> management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
        .singleResult());
  }

  private Optional<ProcessInstance> instance(String ticketId) {
    return Optional.ofNullable(runtime.createProcessInstanceQuery().processDefinitionKey(ModelContract.PROCESS)
        .processInstanceBusinessKey(ticketId).singleResult());
  }
}
