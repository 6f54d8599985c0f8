package ticketflow.agentwork;

import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import ticketflow.process.ModelContract.AgentTask;
import ticketflow.process.ProcessVariables;

/**
 * What agents and engineers may write through a task of the lifecycle. A completion carries the task's answer (its
 * completion variables, {@link AgentTask#completionVariables()}) and may send back what the form only shows as long
 * as it is unchanged (Tasklist submits shown fields too); anything else would rewrite the process (the queue that
 * offers the next task, the priority the timers follow, the escalation level), which changes only through
 * ticketflow's own paths: intake, the priority change with a reason, the SLA. Task variables are never written
 * outside a completion: an agent's answer counts only when the task completes under the agent rules.
 */
public final class TaskVariablesPolicy {

  private static final String DUE_DATES = "due dates and escalation follow the ticket's commitments";
  private static final String TICKET_TEXT = "the ticket's own record is its source: it changes through intake and the customer's messages";

  /** What to do instead, for the variables gateways, timers, candidate groups and forms rely on. */
  private static final Map<String, String> INSTEAD = Map.ofEntries(
      entry(ProcessVariables.QUEUE, "a ticket's queue is decided by routing"),
      entry(ProcessVariables.OFFERED_TO, "whom a task is offered to follows the queue and the escalation ladder"),
      entry(ProcessVariables.PRIORITY, "change the priority with newPriority and priorityReason, or with a reason at"
          + " POST /api/tickets/{id}/priority"),
      entry(ProcessVariables.ESCALATION_LEVEL, DUE_DATES),
      entry(ProcessVariables.COMMITMENT_TARGETS, DUE_DATES),
      entry(ProcessVariables.ESCALATED_TO, DUE_DATES),
      entry(ProcessVariables.TASK_PRIORITY, "a task's priority follows the ticket's priority"),
      entry(ProcessVariables.TICKET_ID, TICKET_TEXT),
      entry(ProcessVariables.SUBJECT, TICKET_TEXT),
      entry(ProcessVariables.DESCRIPTION, TICKET_TEXT),
      entry(ProcessVariables.REQUESTER_EMAIL, TICKET_TEXT),
      entry(ProcessVariables.CONVERSATION, TICKET_TEXT),
      entry(ProcessVariables.PLAN, TICKET_TEXT),
      entry(ProcessVariables.CHANNEL, TICKET_TEXT),
      entry(ProcessVariables.CATEGORY, TICKET_TEXT),
      entry(ProcessVariables.TICKET, TICKET_TEXT),
      entry(ProcessVariables.NOTES, "write a note with the note field, or at POST /api/tickets/{id}/notes"),
      entry(TicketFormView.CANNED_REPLIES, "administrators keep the canned replies at PUT /api/macros/{macroId}"));

  /** A completion carrying variables its task does not take; the message names each one. */
  public static final class UndeclaredVariables extends RuntimeException {
    public UndeclaredVariables(String message) {
      super(message);
    }
  }

  /**
   * The shown fields a completion sends back unchanged, to be left out (nothing is written for them); refuses the
   * completion when it carries anything else the task does not declare.
   *
   * @param taskName the task as agents know it ("First response")
   * @param given    the completion's variables, as plain values
   * @param current  what the task reads now, by name (its own copies first, as its form shows them)
   */
  public Set<String> unchangedDisplayFields(AgentTask task, String taskName, Map<String, ?> given,
      Function<String, Object> current) {
    Set<String> unchanged = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    Object ticketId = current.apply(ProcessVariables.TICKET_ID);
    given.forEach((name, value) -> {
      if (task.completionVariables().contains(name)) {
        return;
      }
      if (task.displayVariables().contains(name)) {
        List<String> changed = ProcessVariables.TICKET.equals(name) ? ShownObject.changedFields(value, current.apply(name))
            : same(value, current.apply(name)) ? List.of() : List.of(name);
        if (changed.isEmpty()) {
          unchanged.add(name);
        }
        changed.forEach(field -> problems.add("Variable '" + field + "' is shown for reading in " + taskName + " and cannot be"
            + " changed by completing it (reload the task if the ticket changed since it was opened); "
            + instead(field.substring(field.indexOf('.') + 1), ticketId) + "."));
        return;
      }
      problems.add("Variable '" + name + "' cannot be set when completing " + taskName + "; " + instead(name, ticketId) + ".");
    });
    if (!problems.isEmpty()) {
      problems.add("Declared: " + String.join(", ", task.completionVariables()) + ".");
      throw new UndeclaredVariables(String.join(" ", problems));
    }
    return unchanged;
  }

  /** Why agents may not set or remove these variables through the task (they may only complete it with its answer). */
  public String variableWriteRefusal(AgentTask task, String taskName, Object ticketId, Collection<String> names) {
    String named = names.stream().sorted().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    String hints = names.stream().filter(INSTEAD::containsKey).sorted().map(n -> instead(n, ticketId)).distinct()
        .map(h -> " " + capitalized(h) + ".").collect(Collectors.joining());
    return "Variables of " + taskName + " cannot be set or removed by agents (" + named + "): complete the task with its"
        + " answer (" + String.join(", ", task.completionVariables()) + ") instead." + hints;
  }

  /** Why agents may not end the task any other way than by completing it (BPMN errors, escalations). */
  public String outsideCompletionRefusal(AgentTask task, String taskName, String what) {
    return taskName + " ends only when completed with its answer (" + String.join(", ", task.completionVariables())
        + "); agents cannot " + what + " on it.";
  }

  /** A shown value sent back as it is: text compared as the browser keeps it (line breaks), no value as empty text. */
  static boolean same(Object given, Object current) {
    return text(given).equals(text(current));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().replace("\r\n", "\n");
  }

  private static String instead(String name, Object ticketId) {
    String hint = INSTEAD.getOrDefault(name, "it is no part of this task's answer");
    return ticketId == null ? hint : hint.replace("{id}", ticketId.toString());
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
