package ticketflow.agentwork;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract.AgentTask;
import ticketflow.process.ProcessVariables;
import ticketflow.process.ModelContract.Beans;
import ticketflow.ticket.Ticket;

/**
 * Task listener of the agent tasks ({@code FirstResponse}, {@code WorkTicket}, {@code InvestigateIssue}):
 * on create it shows the ticket (subject, conversation and notes so far, canned replies), on complete it records what the
 * agent did.
 */
@Component(Beans.AGENT_WORK_LISTENER)
class AgentWorkListener implements TaskListener {

  private final RecordAgentWork recordAgentWork;
  private final TicketFormView formView;

  AgentWorkListener(RecordAgentWork recordAgentWork, TicketFormView formView) {
    this.recordAgentWork = recordAgentWork;
    this.formView = formView;
  }

  /** "First response · TF-1001 · Recording does not start": tickets tell apart in the list at a glance. */
  static String listName(String taskName, String ticketId, String subject) {
    String shortSubject = subject == null ? "" : subject.length() > 60 ? subject.substring(0, 59) + "…" : subject;
    return taskName + " · " + ticketId + (shortSubject.isEmpty() ? "" : " · " + shortSubject);
  }

  /** The task as agents know it ("First response"), from its list name; the key when it has none. */
  static String taskName(String listName, String key) {
    if (listName == null || listName.isBlank()) {
      return key;
    }
    int cut = listName.indexOf(" · ");
    return cut < 0 ? listName : listName.substring(0, cut);
  }

  @Override
  public void notify(DelegateTask task) {
    String ticketId = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Ticket ticket = recordAgentWork.taskOpened(ticketId, task.getTaskDefinitionKey());
      task.setVariableLocal(ProcessVariables.TICKET, formView.of(ticket, task.getTaskDefinitionKey()));
      // Copies on the task for the Tasklist columns: an agent may read their tasks, not the ticket's whole instance.
      // The ticket id is the business key; priority, channel and subject are the ticket's, which keeps them (the
      // instance does not; PriorityColumn updates the priority's copy).
      task.setVariableLocal(ProcessVariables.TICKET_ID, ticketId);
      task.setVariableLocal(ProcessVariables.PRIORITY, ticket.priority().name());
      task.setVariableLocal(ProcessVariables.CHANNEL, ticket.channel().name());
      task.setVariableLocal(ProcessVariables.SUBJECT, ticket.subject());
      task.setName(listName(task.getName(), ticketId, ticket.subject()));
      // An escalated ticket stays escalated: its later tasks are offered to whoever its escalation reached.
      String escalatedTo = (String) task.getVariable(ProcessVariables.ESCALATED_TO);
      if (escalatedTo != null && !escalatedTo.isBlank()) {
        task.addCandidateGroups(List.of(escalatedTo.split(",")));
      }
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    try {
      if (AgentTask.INVESTIGATE_ISSUE.key().equals(task.getTaskDefinitionKey())) {
        recordAgentWork.engineeringDone(ticketId, completedBy(task), task.getVariable(ProcessVariables.ENGINEERING_NOTES));
        return;
      }
      boolean firstResponse = AgentTask.FIRST_RESPONSE.key().equals(task.getTaskDefinitionKey());
      var work = recordAgentWork.agentDone(ticketId, completedBy(task), firstResponse,
          task.getVariable(ProcessVariables.ACTION), task.getVariable(ProcessVariables.REPLY),
          task.getVariable(ProcessVariables.MACRO), task.getVariable(ProcessVariables.NEW_PRIORITY),
          task.getVariable(ProcessVariables.PRIORITY_REASON), task.getVariable(ProcessVariables.NOTE));
      task.setVariable(ProcessVariables.ACTION, work.action().name());
      // The next task's form starts empty rather than with this task's answer.
      task.getExecution().removeVariable(ProcessVariables.REPLY);
      task.getExecution().removeVariable(ProcessVariables.NEW_PRIORITY);
      task.getExecution().removeVariable(ProcessVariables.PRIORITY_REASON);
      task.getExecution().removeVariable(ProcessVariables.MACRO);
      task.getExecution().removeVariable(ProcessVariables.NOTE);
    } catch (AgentWorkPolicy.InvalidWork invalid) {
      // A 400 in Tasklist and engine REST, with the reason, instead of a 500.
      throw new BadUserRequestException(invalid.getMessage());
    }
  }

  /** Who completes the task: the logged-in user (Tasklist, engine REST), else its assignee. */
  private static String completedBy(DelegateTask task) {
    Authentication login = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (login != null && login.getUserId() != null) {
      return login.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "an agent completing " + task.getTaskDefinitionKey();
  }
}
