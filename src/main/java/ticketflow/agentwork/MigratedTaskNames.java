package ticketflow.agentwork;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import java.util.List;

/**
 * A task moved to a new lifecycle version takes that version's name ("Work ticket" renamed "Work the ticket"), as a
 * task created there would: Camunda's migration keeps the old name. Runs in the migrating transaction, on the
 * history event Camunda writes for each migrated task.
 */
class MigratedTaskNames implements HistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricTaskInstanceEventEntity migrated)
        || !HistoryEventTypes.TASK_INSTANCE_MIGRATE.getEventName().equals(migrated.getEventType())) {
      return;
    }
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(migrated.getTaskId());
    if (task == null || task.getProcessDefinitionId() == null) {
      return;
    }
    ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
    ActivityImpl activity = definition.findActivity(task.getTaskDefinitionKey());
    String modelName = activity == null ? null : activity.getName();
    if (modelName == null || modelName.isBlank() || modelName.contains("${") || modelName.contains("#{")) {
      return;
    }
    String renamed = renamed(task.getName(), modelName);
    if (!renamed.equals(task.getName())) {
      task.setName(renamed);
    }
  }

  /** "First response · TF-1001 · subject" with the new version's task name in front, the ticket part kept. */
  static String renamed(String listName, String modelName) {
    if (listName == null) {
      return modelName;
    }
    int cut = listName.indexOf(" · ");
    return cut < 0 ? modelName : modelName + listName.substring(cut);
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
