package ticketflow.agentwork;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import ticketflow.process.ModelContract.AgentTask;
import ticketflow.process.ProcessVariables;

/**
 * An agent task created before the forms read the ticket view ({@link ProcessVariables#TICKET}) gets one when it moves
 * to a new lifecycle version, whose forms read nothing else; a task that has it keeps it. Runs in the migrating
 * transaction, on the history event Camunda writes for each migrated task.
 */
class MigratedTaskViews implements HistoryEventHandler {

  private final Supplier<TicketFormView> formView;

  MigratedTaskViews(Supplier<TicketFormView> formView) {
    this.formView = formView;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricTaskInstanceEventEntity migrated)
        || !HistoryEventTypes.TASK_INSTANCE_MIGRATE.getEventName().equals(migrated.getEventType())) {
      return;
    }
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(migrated.getTaskId());
    if (task == null || task.getExecution() == null || AgentTask.byKey(task.getTaskDefinitionKey()).isEmpty()
        || task.hasVariableLocal(ProcessVariables.TICKET)) {
      return;
    }
    formView.get().of(task.getExecution().getProcessBusinessKey(), task.getTaskDefinitionKey())
        .ifPresent(view -> task.setVariableLocal(ProcessVariables.TICKET, view));
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
