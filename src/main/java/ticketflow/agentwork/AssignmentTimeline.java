package ticketflow.agentwork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract;
import ticketflow.process.ModelContract.AgentTask;
import ticketflow.timeline.TimelineEntry;
import ticketflow.timeline.TimelineEvent;
import ticketflow.timeline.TimelineKind;

/**
 * Every assignment of an agent task goes to the ticket's timeline: claimed (an agent took it), assigned (by someone else,
 * or by a rule when nobody is logged in) or unassigned. Attached to the agent tasks when the model is parsed, so the
 * model needs no listener of its own for it and a designer cannot lose it.
 */
@Component
class AssignmentTimeline extends AbstractProcessEnginePlugin implements TaskListener {

  private final ApplicationEventPublisher events;

  AssignmentTimeline(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && ModelContract.PROCESS.equals(definition.getKey()) && AgentTask.byKey(activity.getId()).isPresent()
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addTaskListener(EVENTNAME_ASSIGNMENT, AssignmentTimeline.this);
        }
      }
    });
  }

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    Authentication login = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String by = login == null ? null : login.getUserId();
    TimelineKind kind = assignee == null ? TimelineKind.UNASSIGNED
        : assignee.equals(by) ? TimelineKind.CLAIMED : TimelineKind.ASSIGNED;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("task", AgentWorkListener.taskName(task.getName(), task.getTaskDefinitionKey()));
    details.put("assignee", assignee);
    details.put("byRule", by == null);
    events.publishEvent(new TimelineEvent(task.getExecution().getProcessBusinessKey(), kind,
        by == null ? TimelineEntry.TICKETFLOW : by, details));
  }
}
