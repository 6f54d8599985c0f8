package ticketflow.migration;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import ticketflow.process.ModelContract;
import ticketflow.timeline.TimelineEvent;
import ticketflow.timeline.TimelineKind;

/**
 * Each ticket a migration moved gets a {@code MIGRATED} entry in its timeline, written in the batch job that moved it:
 * Camunda writes a history event for every migrated instance, and this handler hears it.
 */
class MigratedTickets implements HistoryEventHandler {

  private final ApplicationEventPublisher events;
  private final ObjectProvider<RunningMigrations> running;

  MigratedTickets(ApplicationEventPublisher events, ObjectProvider<RunningMigrations> running) {
    this.events = events;
    this.running = running;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricProcessInstanceEventEntity migrated)
        || !HistoryEventTypes.PROCESS_INSTANCE_MIGRATE.getEventName().equals(migrated.getEventType())
        || !ModelContract.PROCESS.equals(migrated.getProcessDefinitionKey()) || migrated.getBusinessKey() == null) {
      return;
    }
    int toVersion = migrated.getProcessDefinitionVersion();
    RunningMigrations.Started started = running.getObject().to(toVersion);
    events.publishEvent(new TimelineEvent(migrated.getBusinessKey(), TimelineKind.MIGRATED,
        started == null ? null : started.startedBy(), started == null
            ? Map.of("toVersion", toVersion) : Map.of("fromVersion", started.fromVersion(), "toVersion", toVersion)));
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
