package ticketflow.migration;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Registers {@link MigratedTickets} with the engine's history; the migrations' table is looked up when it is needed. */
@Component
class MigratedTicketsPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationEventPublisher events;
  private final ObjectProvider<RunningMigrations> running;

  MigratedTicketsPlugin(ApplicationEventPublisher events, ObjectProvider<RunningMigrations> running) {
    this.events = events;
    this.running = running;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(new MigratedTickets(events, running));
  }
}
