package ticketflow.assignment;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import ticketflow.ticket.TicketRepository;

/**
 * Automatic assignment reacts to task creation, not to element ids: every user task of every deployed model gets
 * {@link AutoAssignListener} on create, as a built-in listener (it runs even where a modification skips the model's
 * own listeners), and the listener decides which tasks are a queue's.
 */
@Component
class AssignmentPlugin extends AbstractProcessEnginePlugin {

  private final QueueAssignments assignments;
  private final TicketRepository tickets;

  AssignmentPlugin(QueueAssignments assignments, TicketRepository tickets) {
    this.assignments = assignments;
    this.tickets = tickets;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener listener = new AutoAssignListener(assignments, tickets);
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
