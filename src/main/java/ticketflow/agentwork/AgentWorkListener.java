package ticketflow.agentwork;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract.AgentTask;
import ticketflow.process.ProcessVariables;
import ticketflow.process.ModelContract.Beans;
import ticketflow.ticket.Ticket;

/**
 * Task listener of the agent tasks ({@code FirstResponse}, {@code WorkTicket}, {@code InvestigateIssue}):
 * on create it shows the conversation so far, on complete it records what the agent did.
 */
@Component(Beans.AGENT_WORK_LISTENER)
class AgentWorkListener implements TaskListener {

  static final List<String> LIST_COLUMNS = List.of(ProcessVariables.TICKET_ID, ProcessVariables.PRIORITY,
      ProcessVariables.CHANNEL, ProcessVariables.SUBJECT);

  private final RecordAgentWork recordAgentWork;

  AgentWorkListener(RecordAgentWork recordAgentWork) {
    this.recordAgentWork = recordAgentWork;
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
      task.setVariable(ProcessVariables.CONVERSATION, recordAgentWork.taskOpened(ticketId, task.getTaskDefinitionKey()));
      task.setVariable(ProcessVariables.NOTES, recordAgentWork.notesFor(ticketId));
      if (!AgentTask.INVESTIGATE_ISSUE.key().equals(task.getTaskDefinitionKey())) {
        // The form's canned-reply select reads its choices from this JSON list (form-js valuesKey).
        task.setVariableLocal(ProcessVariables.MACROS, Variables.objectValue(recordAgentWork.cannedReplyChoices())
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
      }
      // Copies on the task for the Tasklist columns: an agent may read their tasks, not the ticket's whole instance.
      // The ticket id is the business key: the instance keeps no variable of it.
      // Priority and channel from the ticket, which keeps them (the instance does not; PriorityColumn updates the copy).
      Ticket ticket = recordAgentWork.ticket(ticketId);
      for (String column : LIST_COLUMNS) {
        task.setVariableLocal(column, switch (column) {
          case ProcessVariables.TICKET_ID -> ticketId;
          case ProcessVariables.PRIORITY -> ticket.priority().name();
          case ProcessVariables.CHANNEL -> ticket.channel().name();
          default -> task.getVariable(column);
        });
      }
      task.setName(listName(task.getName(), ticketId, (String) task.getVariable(ProcessVariables.SUBJECT)));
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
