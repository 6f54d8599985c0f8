package ticketflow.agentwork;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tasks moved to a new lifecycle version show that version's task name ({@link MigratedTaskNames}) and, when they were
 * created before it, the ticket view its forms read ({@link MigratedTaskViews}).
 */
@Component
class MigratedTasksPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TicketFormView> formView;

  /** The view's bean is asked for when a task migrates: it needs the engine this plugin configures. */
  MigratedTasksPlugin(ObjectProvider<TicketFormView> formView) {
    this.formView = formView;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(new MigratedTaskNames());
    configuration.getCustomHistoryEventHandlers().add(new MigratedTaskViews(formView::getObject));
  }
}
