package ticketflow.agentwork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import ticketflow.ticket.Priority;

/**
 * What an agent must give when completing a task: a known action, a reply where the action sends one, and a reason
 * for any priority change. Returns the checked work or the list of problems, in words the agent sees in Tasklist.
 */
public final class AgentWorkPolicy {

  public static final int MAX_REPLY = 20_000;

  public record AgentWork(AgentAction action, String reply, Optional<Priority> newPriority, String priorityReason) {
  }

  public static final class InvalidWork extends RuntimeException {
    public InvalidWork(List<String> problems) {
      super(String.join(" ", problems));
    }
  }

  /** The first response always carries a reply: it is what meets the first-response commitment. */
  public AgentWork check(boolean firstResponse, Object action, Object reply, Object newPriority, Object priorityReason) {
    List<String> problems = new ArrayList<>();
    AgentAction chosen = parse(AgentAction.class, action);
    if (chosen == null) {
      problems.add("Choose the next step: action must be one of " + Arrays.toString(AgentAction.values()) + ".");
    }
    String text = blankToNull(reply);
    if (chosen != null && text == null && (chosen.needsReply() || firstResponse)) {
      problems.add(firstResponse ? "Write a reply to the customer: the first response always answers them."
          : "Write a reply to the customer: " + chosen + " sends one.");
    }
    if (text != null && text.length() > MAX_REPLY) {
      problems.add("The reply is longer than " + MAX_REPLY + " characters.");
    }
    Priority priority = null;
    if (blankToNull(newPriority) != null) {
      priority = parse(Priority.class, newPriority);
      if (priority == null) {
        problems.add("newPriority must be one of " + Arrays.toString(Priority.values()) + ".");
      }
    }
    String reason = blankToNull(priorityReason);
    if (priority != null && reason == null) {
      problems.add("Give a reason for changing the priority to " + priority + ".");
    }
    if (!problems.isEmpty()) {
      throw new InvalidWork(problems);
    }
    return new AgentWork(chosen, text, Optional.ofNullable(priority), reason);
  }

  /** A picked canned reply that no longer exists: refused rather than sending nothing. */
  public static InvalidWork unknownCannedReply(Object macro) {
    return new InvalidWork(List.of("The canned reply '" + macro + "' does not exist (any more); pick another or write a reply."));
  }

  /** An internal note written with the completion: none, or at most as long as a note may be. */
  public String checkNote(Object note, int maxLength) {
    String text = blankToNull(note);
    if (text != null && text.length() > maxLength) {
      throw new InvalidWork(List.of("The internal note is longer than " + maxLength + " characters."));
    }
    return text;
  }

  /** Engineering hands a ticket back with findings for the support agent. */
  public void checkFindings(Object notes) {
    if (blankToNull(notes) == null) {
      throw new InvalidWork(List.of("Write your findings for the support agent."));
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, Object value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString().trim());
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static String blankToNull(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
