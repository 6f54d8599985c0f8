package ticketflow.process;

import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's history writer without the steps a ticket only passes through: start events, gateways that decide,
 * fork or join, decisions, service and script tasks. Each would be an activity history row with about eleven index
 * entries, ten of them per ticket at intake alone, and none says more than the ticket record (what the decisions
 * decided) and the waits around it. What stays: tasks, timers and messages, event-based gateways, sub-processes,
 * milestones (intermediate throw events) and every end event, so Cockpit still shows where each ticket waited and
 * how each path ended. Every event of a left-out step is left out (start, end, update, migration), so no later write
 * looks for a row that was never written.
 */
class PassingStepsHistory extends DbHistoryEventHandler {

  static final Set<String> PASSING = Set.of(
      ActivityTypes.START_EVENT, ActivityTypes.START_EVENT_MESSAGE, ActivityTypes.START_EVENT_SIGNAL,
      ActivityTypes.START_EVENT_TIMER, ActivityTypes.START_EVENT_CONDITIONAL, ActivityTypes.START_EVENT_ERROR,
      ActivityTypes.START_EVENT_ESCALATION, ActivityTypes.START_EVENT_COMPENSATION,
      ActivityTypes.GATEWAY_EXCLUSIVE, ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_PARALLEL,
      ActivityTypes.GATEWAY_COMPLEX,
      ActivityTypes.TASK, ActivityTypes.TASK_SERVICE, ActivityTypes.TASK_BUSINESS_RULE, ActivityTypes.TASK_SCRIPT,
      ActivityTypes.TASK_SEND_TASK, ActivityTypes.TASK_MANUAL_TASK);

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricActivityInstanceEventEntity step && PASSING.contains(step.getActivityType())) {
      return;
    }
    super.handleEvent(event);
  }
}
