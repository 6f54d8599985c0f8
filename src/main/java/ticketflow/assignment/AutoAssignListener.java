package ticketflow.assignment;

import static ticketflow.process.EngineAccess.asSystem;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ticketflow.process.ModelContract;
import ticketflow.ticket.TicketRepository;

/**
 * Every new task of a ticket that is offered to the ticket's queue, whatever the task: when the queue has a rule on,
 * the task is assigned at creation to an available member of the queue's group, through the engine (Tasklist shows
 * it as any assignment). Nobody available: it stays in the queue. Runs as the system, inside the engine command that
 * creates the task, so neither the agent whose completion created it nor ticketflow's agent-write guard is asked.
 */
final class AutoAssignListener implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(AutoAssignListener.class);

  private final AssignmentPolicy policy = new AssignmentPolicy();
  private final QueueAssignments assignments;
  private final TicketRepository tickets;

  AutoAssignListener(QueueAssignments assignments, TicketRepository tickets) {
    this.assignments = assignments;
    this.tickets = tickets;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getAssignee() != null || task.getProcessDefinitionId() == null
        || !task.getProcessDefinitionId().startsWith(ModelContract.PROCESS + ":")) {
      return;
    }
    String ticketId = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    String queue = ticketId == null ? null : tickets.queueOf(ticketId).orElse(null);
    if (queue == null || !offeredTo(task, queue) || assignments.mode(queue) == AssignmentMode.MANUAL) {
      return;
    }
    // Unlocked read first, so manual queues (the default) never wait on each other; the rule counts under the lock.
    QueueAssignments.Turn turn = assignments.lockTurn(queue).orElse(null);
    if (turn == null || turn.mode() == AssignmentMode.MANUAL) {
      return;
    }
    ProcessEngineServices engine = task.getProcessEngineServices();
    QueueMembers members = new QueueMembers(engine.getIdentityService(), engine.getTaskService());
    asSystem(() -> {
      Set<String> available = assignments.available(members.of(queue));
      List<String> candidates = available.stream().sorted().toList();
      Map<String, Long> load = members.openTasks(candidates);
      policy.choose(turn.mode(), candidates, load, turn.lastAssignee()).ifPresentOrElse(agent -> {
        task.setAssignee(agent);
        assignments.recordTurn(queue, agent);
        log.debug("{} of {} assigned to {} ({}, load {})", task.getTaskDefinitionKey(), queue, agent, turn.mode(), load);
      }, () -> log.debug("{} of {} stays in the queue: nobody available", task.getTaskDefinitionKey(), queue));
    });
  }

  private static boolean offeredTo(DelegateTask task, String queue) {
    return task.getCandidates().stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && queue.equals(link.getGroupId()));
  }
}
