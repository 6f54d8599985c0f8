package ticketflow.process;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every name ticketflow's code shares with the models in {@code bpmn/} and the forms in {@code forms/}: the process
 * key, the agent tasks and their forms, the beans the model calls, the decisions and their output columns, the
 * messages and the variables. Designers may rename anything else; {@link ModelContractCheck} says, naming the
 * element, where a model or form no longer keeps this contract.
 */
public final class ModelContract {

  public static final String PROCESS = "ticket-lifecycle";

  /**
   * Whether an instance, task or job belongs to a lifecycle version, by its process definition id, which Camunda makes
   * "key:version:id" (only a key too long for 64 characters in all loses its prefix; this one is short). Queries for a
   * ticket's instances filter by business key alone, which has an index, and check the key with this: joined in SQL
   * with the definition's key, H2 went through every instance of the definition (16 escalating SLA timers a second
   * at 100,000 open tickets).
   */
  public static boolean isLifecycle(String processDefinitionId) {
    return processDefinitionId != null && processDefinitionId.startsWith(PROCESS + ":");
  }

  private ModelContract() {
  }

  /**
   * The user tasks agents and engineers complete, by task key, each with the form it shows, the variables a completion
   * may carry (the form's editable fields) and the ones the form only shows (its readonly fields, which Tasklist submits
   * back unchanged). Anything else a completion carries would rewrite the process, so the engine refuses it.
   */
  public enum AgentTask {
    FIRST_RESPONSE("FirstResponse", "FirstResponseForm", TaskVariables.AGENT_ANSWER, TaskVariables.TICKET_SHOWN),
    WORK_TICKET("WorkTicket", "WorkTicketForm", TaskVariables.AGENT_ANSWER, TaskVariables.TICKET_AND_FINDINGS_SHOWN),
    INVESTIGATE_ISSUE("InvestigateIssue", "InvestigateIssueForm", TaskVariables.ENGINEERING_ANSWER, TaskVariables.TICKET_SHOWN);

    private final String key;
    private final String formId;
    private final List<String> completionVariables;
    private final List<String> displayVariables;

    AgentTask(String key, String formId, List<String> completionVariables, List<String> displayVariables) {
      this.key = key;
      this.formId = formId;
      this.completionVariables = completionVariables;
      this.displayVariables = displayVariables;
    }

    public String key() {
      return key;
    }

    public String formId() {
      return formId;
    }

    /** What completing this task may set: the agent's answer, in the order the form asks for it. */
    public List<String> completionVariables() {
      return completionVariables;
    }

    /** What this task's form shows for reading; a completion may send it back only unchanged. */
    public List<String> displayVariables() {
      return displayVariables;
    }

    public static Optional<AgentTask> byKey(String taskDefinitionKey) {
      return Arrays.stream(values()).filter(t -> t.key.equals(taskDefinitionKey)).findFirst();
    }
  }

  /** The agent tasks' variable lists, apart so the enum constants can name them. */
  private static final class TaskVariables {
    static final List<String> AGENT_ANSWER = List.of(ProcessVariables.REPLY, ProcessVariables.ACTION,
        ProcessVariables.NEW_PRIORITY, ProcessVariables.PRIORITY_REASON, ProcessVariables.MACRO, ProcessVariables.NOTE);
    static final List<String> ENGINEERING_ANSWER = List.of(ProcessVariables.ENGINEERING_NOTES);
    /** The ticket view and the list columns; the rest, shown one variable each, by forms of tasks created before it. */
    static final List<String> TICKET_SHOWN = List.of(ProcessVariables.TICKET_ID, ProcessVariables.TICKET, ProcessVariables.PRIORITY,
        ProcessVariables.CHANNEL, ProcessVariables.SUBJECT, ProcessVariables.DESCRIPTION, ProcessVariables.REQUESTER_EMAIL,
        ProcessVariables.PLAN, ProcessVariables.CATEGORY, ProcessVariables.CONVERSATION, ProcessVariables.NOTES);
    static final List<String> TICKET_AND_FINDINGS_SHOWN = Stream.concat(TICKET_SHOWN.stream(),
        Stream.of(ProcessVariables.ENGINEERING_NOTES)).toList();

    private TaskVariables() {
    }
  }

  /** Spring beans the model calls in delegate expressions ({@code ${openTicket}}). */
  public static final class Beans {
    public static final String ASSIGN_CHANNEL = "assignChannel";
    public static final String SUGGEST_ARTICLES = "suggestArticles";
    public static final String OPEN_TICKET = "openTicket";
    public static final String CLOSE_TICKET = "closeTicket";
    public static final String FLAG_AT_RISK = "flagAtRisk";
    public static final String ESCALATE = "escalate";
    public static final String FLAG_UPDATE_OVERDUE = "flagUpdateOverdue";
    public static final String AGENT_WORK_LISTENER = "agentWorkListener";
    /**
     * The SLA timers' due dates and the SLA gateways: {@code ${slaDue.at(execution, 'FIRST_RESPONSE', 'AT_RISK')}}
     * declares what a timer stands for (commitment and ladder step), {@code ${slaDue.has(execution, 'RESOLUTION')}}
     * whether the ticket has a commitment, {@code ${slaDue.due(execution, 'RESOLUTION')}} its due time.
     */
    public static final String SLA_DUE = "slaDue";
    /** The wait for a silent customer before the ticket closes itself: {@code ${autoClose.after()}}, the setting. */
    public static final String AUTO_CLOSE = "autoClose";
    /** The ticket's queue, for the candidate groups of tasks after intake: {@code ${routing.queue(execution)}}. */
    public static final String ROUTING = "routing";

    public static final Set<String> ALL = Set.of(ASSIGN_CHANNEL, SUGGEST_ARTICLES, OPEN_TICKET, CLOSE_TICKET, FLAG_AT_RISK,
        ESCALATE, FLAG_UPDATE_OVERDUE, AGENT_WORK_LISTENER, SLA_DUE, AUTO_CLOSE, ROUTING);

    private Beans() {
    }
  }

  /**
   * The decision tables the model calls, each with the output columns the code reads and, for the tables the code also
   * evaluates itself (a priority change, the commitments preview, the escalation ladder), the only variables their
   * inputs may read: the ones the code gives them there. The model's business-rule tasks give every process variable.
   */
  public enum Decision {
    ENTITLEMENT("entitlement", List.of(), ProcessVariables.CHANNEL),
    PRIORITY("priority", List.of(), ProcessVariables.PRIORITY),
    QUEUE("queue", List.of(), ProcessVariables.QUEUE),
    COMMITMENTS("commitments", CommitmentsColumns.INPUTS, CommitmentsColumns.FIRST_RESPONSE, CommitmentsColumns.UPDATE_EVERY,
        CommitmentsColumns.RESOLUTION, CommitmentsColumns.CALENDAR, CommitmentsColumns.TASK_PRIORITY),
    ESCALATION_LADDER("escalation-ladder", LadderColumns.INPUTS, LadderColumns.STEP, LadderColumns.PERCENT, LadderColumns.STATE,
        LadderColumns.LEVEL, LadderColumns.OFFER_TO, LadderColumns.MAIL_TO);

    private final String id;
    private final List<String> inputs;
    private final List<String> outputs;

    Decision(String id, List<String> inputs, String... outputs) {
      this.id = id;
      this.inputs = inputs;
      this.outputs = List.of(outputs);
    }

    public String id() {
      return id;
    }

    /** The variables the table's inputs may read; empty: any variable of the lifecycle (the model alone asks it). */
    public List<String> inputs() {
      return inputs;
    }

    public List<String> outputs() {
      return outputs;
    }
  }

  /**
   * The commitments table: inputs priority, plan, queue and channel (a designer may use any of them, and give
   * ENTERPRISE a faster P2, say), output columns the terms of the ticket's commitments.
   */
  public static final class CommitmentsColumns {
    public static final List<String> INPUTS = List.of(ProcessVariables.PRIORITY, ProcessVariables.PLAN, ProcessVariables.QUEUE,
        ProcessVariables.CHANNEL);
    public static final String FIRST_RESPONSE = "firstResponse";
    public static final String UPDATE_EVERY = "updateEvery";
    public static final String RESOLUTION = "resolution";
    public static final String CALENDAR = "calendar";
    public static final String TASK_PRIORITY = "taskPriority";

    private CommitmentsColumns() {
    }
  }

  /** The escalation ladder table: inputs commitment, priority, afterHours; one row (or several, merged) per step. */
  public static final class LadderColumns {
    public static final String COMMITMENT = "commitment";
    public static final String PRIORITY = "priority";
    public static final String AFTER_HOURS = "afterHours";
    public static final String STEP = "step";
    public static final String PERCENT = "percent";
    public static final String STATE = "state";
    public static final String LEVEL = "level";
    public static final String OFFER_TO = "offerTo";
    public static final String MAIL_TO = "mailTo";
    public static final List<String> INPUTS = List.of(COMMITMENT, PRIORITY, AFTER_HOURS);

    private LadderColumns() {
    }
  }

  /** Messages the code correlates to a waiting ticket. */
  public static final class Messages {
    public static final String CUSTOMER_MESSAGE = "CustomerMessage";
    public static final String CUSTOMER_FEEDBACK = "CustomerFeedback";

    public static final Set<String> ALL = Set.of(CUSTOMER_MESSAGE, CUSTOMER_FEEDBACK);

    private Messages() {
    }
  }

  /** Variables the model's expressions and the forms may name: {@link ProcessVariables}' constants. */
  public static final Set<String> VARIABLES = Stream.of(ProcessVariables.class.getFields())
      .filter(f -> f.getType() == String.class)
      .map(ModelContract::value)
      .collect(Collectors.toUnmodifiableSet());

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
