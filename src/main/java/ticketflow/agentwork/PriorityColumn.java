package ticketflow.agentwork;

import static ticketflow.process.EngineAccess.asSystem;

import org.camunda.bpm.engine.TaskService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ticketflow.process.ProcessVariables;
import ticketflow.ticket.PriorityChanged;

/**
 * Tasklist's priority column reads the copy {@link AgentWorkListener} gave each task (agents may read their tasks, not
 * the ticket's instance, which keeps no priority: the ticket does): a priority change updates the copies of the
 * ticket's open tasks, in the same transaction.
 */
@Component
class PriorityColumn {

  private final TaskService tasks;

  PriorityColumn(TaskService tasks) {
    this.tasks = tasks;
  }

  @EventListener
  void priorityChanged(PriorityChanged changed) {
    asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(changed.ticketId()).list()
        .forEach(task -> tasks.setVariableLocal(task.getId(), ProcessVariables.PRIORITY, changed.to().name())));
  }
}
