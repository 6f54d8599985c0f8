package ticketflow.process;

import java.util.Set;

/** Names of the ticket-lifecycle variables that code, gateways, timers and forms share. */
public final class ProcessVariables {

  public static final String TICKET_ID = "ticketId";
  public static final String ACCEPTED = "accepted";
  public static final String ENTITLED_CHANNELS = "entitledChannels";
  public static final String REQUESTED_CHANNEL = "requestedChannel";
  public static final String CALLER_VERIFICATION = "callerVerification";
  /**
   * Intake's decision results, channel, priority and queue: variables only until OpenTicket records them on the ticket
   * and removes them (never written); the tasks keep copies of priority and channel for Tasklist's columns.
   */
  public static final String CHANNEL = "channel";
  public static final String CHANNEL_REASON = "channelReason";
  public static final String DEFLECTED = "deflected";
  public static final String PRIORITY = "priority";
  public static final String QUEUE = "queue";
  public static final String PLAN = "plan";
  public static final String ROLE = "role";
  public static final String CATEGORY = "category";
  public static final String IMPACT = "impact";
  public static final String WORKAROUND = "workaround";
  /** Task-local copy for Tasklist's list column; forms read the subject from {@link #TICKET}. */
  public static final String SUBJECT = "subject";
  public static final String DESCRIPTION = "description";
  public static final String REQUESTER_EMAIL = "requesterEmail";
  /**
   * What an agent task's form shows of the ticket, one task-local JSON object: subject, description, requesterEmail,
   * plan, category, conversation, notes and cannedReplies (the canned-reply select's [{label, value}]). Forms bind its
   * fields by path ({@code ticket.subject}); one variable row instead of one per field.
   */
  public static final String TICKET = "ticket";
  /** Shown as variables of their own by forms of tasks created before {@link #TICKET}; no longer written. */
  public static final String CONVERSATION = "conversation";
  public static final String REPLY = "reply";
  public static final String ACTION = "action";
  public static final String NEW_PRIORITY = "newPriority";
  public static final String PRIORITY_REASON = "priorityReason";
  public static final String ENGINEERING_NOTES = "engineeringNotes";
  /** The canned reply an agent picks in a form (a macro id): sent, rendered, when they write no reply of their own. */
  public static final String MACRO = "macro";
  /** An internal note an agent writes in a form: kept for colleagues, never sent to the customer. */
  public static final String NOTE = "note";
  /** The ticket's internal notes, newest first: a field of {@link #TICKET} (a variable of its own on older tasks). */
  public static final String NOTES = "notes";
  /** The commitments decision's row, handed from the business-rule task to OpenTicket. */
  public static final String COMMITMENT_TARGETS = "commitmentTargets";
  /** Candidate groups of the first task: the queue, plus the on-call queue where the policy adds it. */
  public static final String OFFERED_TO = "offeredTo";
  public static final String ESCALATION_LEVEL = "escalationLevel";
  /** Groups a ticket's escalation reached: every later task of the ticket is offered to them too. */
  public static final String ESCALATED_TO = "escalatedTo";
  /**
   * Camunda task priority of the ticket's tasks (Tasklist sorts by it), from the commitments table: kept with the SLA
   * clocks; only tickets opened before that hold it as a variable.
   */
  public static final String TASK_PRIORITY = "taskPriority";
  /** Input parameters of the SLA service tasks: the commitment and the ladder step whose timer fired. */
  public static final String COMMITMENT = "commitment";
  public static final String STEP = "step";

  /**
   * Read only by the decisions and AssignChannel while the instance starts, in the starting transaction: passed as
   * transient variables, never written to the database (each variable row costs a ticket's intake eleven index
   * entries). The ticket row keeps impact, workaround and the requested channel.
   */
  public static final Set<String> DECISION_INPUTS = Set.of(ROLE, IMPACT, WORKAROUND, REQUESTED_CHANNEL, CALLER_VERIFICATION);

  /** Camunda keeps string variables in a 4,000-character column; longer text is cut for display in forms. */
  public static final int DISPLAY_LIMIT = 3900;

  private ProcessVariables() {
  }

  private static final String CUT = "\n… (cut here; the full text is in GET /api/tickets/{id})";

  /** The text as a form can show it: at most {@link #DISPLAY_LIMIT} characters, a cut one saying so. */
  public static String forDisplay(String text) {
    if (text == null || text.length() <= DISPLAY_LIMIT) {
      return text;
    }
    return text.substring(0, DISPLAY_LIMIT - CUT.length()) + CUT;
  }
}
