package ticketflow.macro;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a canned reply may use, checked when it is saved (so rendering never meets an unknown one) and
 * filled in for a ticket. Plain text in, plain text out: values are inserted as they are, never interpreted.
 */
final class Placeholders {

  static final String TICKET_ID = "ticket.id";
  static final String TICKET_SUBJECT = "ticket.subject";
  static final String TICKET_STATUS = "ticket.status";
  static final String TICKET_PRIORITY = "ticket.priority";
  static final String TICKET_QUEUE = "ticket.queue";
  static final String TICKET_CHANNEL = "ticket.channel";
  static final String TICKET_CATEGORY = "ticket.category";
  static final String REQUESTER_EMAIL = "requester.email";
  static final String ACCOUNT_ID = "account.id";
  static final String FIRST_RESPONSE_DUE = "commitment.firstResponseDueAt";
  static final String UPDATE_DUE = "commitment.updateDueAt";
  static final String RESOLUTION_DUE = "commitment.resolutionDueAt";
  static final String AGENT_ID = "agent.id";

  static final Set<String> KNOWN = Set.of(TICKET_ID, TICKET_SUBJECT, TICKET_STATUS, TICKET_PRIORITY, TICKET_QUEUE,
      TICKET_CHANNEL, TICKET_CATEGORY, REQUESTER_EMAIL, ACCOUNT_ID, FIRST_RESPONSE_DUE, UPDATE_DUE, RESOLUTION_DUE, AGENT_ID);

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private Placeholders() {
  }

  /** What is wrong with the body's placeholders, one sentence each; empty when every one is known. */
  static List<String> problems(String body) {
    Set<String> unknown = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(body);
    while (m.find()) {
      if (!KNOWN.contains(m.group(1))) {
        unknown.add("{{" + m.group(1) + "}}");
      }
    }
    List<String> problems = new ArrayList<>();
    if (!unknown.isEmpty()) {
      problems.add("has unknown placeholder" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + "; known: "
          + KNOWN.stream().sorted().map(k -> "{{" + k + "}}").reduce((a, b) -> a + ", " + b).orElse(""));
    }
    if (PLACEHOLDER.matcher(body).replaceAll("").contains("{{")) {
      problems.add("has a '{{' that opens no placeholder (write placeholders as {{ticket.id}})");
    }
    return problems;
  }

  /** The body with each placeholder replaced by its value (an empty text where the ticket has none). */
  static String render(String body, Map<String, String> values) {
    return PLACEHOLDER.matcher(body).replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
  }
}
