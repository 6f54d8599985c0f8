package ticketflow.agentwork;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ticketflow.account.AccountRepository;
import ticketflow.macro.CannedReplies;
import ticketflow.note.Notes;
import ticketflow.process.EngineAccess;
import ticketflow.process.ModelContract;
import ticketflow.process.ModelContract.AgentTask;
import ticketflow.process.ProcessVariables;
import ticketflow.ticket.Conversation;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketRepository;
import ticketflow.ticket.TicketThreadChanged;

/**
 * What an agent task's form shows of its ticket, as one task-local JSON object ({@link ProcessVariables#TICKET}): a
 * variable row per shown field cost every open ticket a dozen rows and their index entries. Tasklist parses JSON
 * variables, and the forms bind the fields by path ({@code ticket.subject}). Set when the task is created, and again
 * when the conversation or the notes change while it is open.
 */
@Component
class TicketFormView {

  private final TicketRepository tickets;
  private final AccountRepository accounts;
  private final Conversation conversation;
  private final Notes notes;
  private final CannedReplies cannedReplies;
  private final TaskService tasks;

  TicketFormView(TicketRepository tickets, AccountRepository accounts, Conversation conversation, Notes notes,
      CannedReplies cannedReplies, TaskService tasks) {
    this.tickets = tickets;
    this.accounts = accounts;
    this.conversation = conversation;
    this.notes = notes;
    this.cannedReplies = cannedReplies;
    this.tasks = tasks;
  }

  /** The view for a task of {@code taskKey}; engineering's task offers no canned replies to the customer. */
  ObjectValue of(Ticket ticket, String taskKey) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put(ProcessVariables.SUBJECT, ticket.subject());
    view.put(ProcessVariables.DESCRIPTION, ProcessVariables.forDisplay(ticket.description()));
    view.put(ProcessVariables.REQUESTER_EMAIL, ticket.requesterEmail());
    view.put(ProcessVariables.PLAN, accounts.find(ticket.accountId()).map(a -> a.plan().name()).orElse(null));
    view.put(ProcessVariables.CATEGORY, ticket.category() == null ? null : ticket.category().name());
    view.put(ProcessVariables.CONVERSATION, conversation.asThread(ticket.id()));
    view.put(ProcessVariables.NOTES, notes.asThread(ticket.id()));
    view.put(CANNED_REPLIES, AgentTask.INVESTIGATE_ISSUE.key().equals(taskKey) ? List.of() : cannedReplies.formChoices());
    return Variables.objectValue(view).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }

  /** The view for a task of {@code taskKey} of the ticket; empty when there is no such ticket. */
  Optional<ObjectValue> of(String ticketId, String taskKey) {
    return tickets.find(ticketId).map(ticket -> of(ticket, taskKey));
  }

  /** The field of the view the canned-reply select takes its choices from: [{label, value}]. */
  static final String CANNED_REPLIES = "cannedReplies";

  /** The forms open on the ticket show its conversation and notes as they are now. */
  @EventListener
  void threadChanged(TicketThreadChanged changed) {
    Ticket ticket = tickets.find(changed.ticketId()).orElse(null);
    if (ticket == null) {
      return;
    }
    EngineAccess.asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(ticket.id()).list().stream()
        .filter(task -> ModelContract.isLifecycle(task.getProcessDefinitionId()))
        .filter(task -> AgentTask.byKey(task.getTaskDefinitionKey()).isPresent())
        .forEach(task -> tasks.setVariableLocal(task.getId(), ProcessVariables.TICKET, of(ticket, task.getTaskDefinitionKey()))));
  }
}
