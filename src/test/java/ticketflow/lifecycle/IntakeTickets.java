package ticketflow.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** Tickets for the process tests, with the start variables intake (SubmitTicket, TicketProcess) gives an instance. */
final class IntakeTickets {

  /** What operators set as ticketflow.auto-close-after (production's default). */
  static final Duration AUTO_CLOSE_AFTER = Duration.ofDays(7);

  /** Read by the decisions and AssignChannel in the starting transaction only: transient, as production passes them. */
  private static final List<String> DECISION_INPUTS =
      List.of("role", "impact", "workaround", "requestedChannel", "callerVerification");

  /** Ticket ids, unique for the run: the instances of a class's tests stay until its deployment goes. */
  private static final AtomicInteger LAST_ID = new AtomicInteger(1000);

  private IntakeTickets() {
  }

  /** The next ticket id, the instance's business key: TF-1001, TF-1002, … */
  static String nextTicketId() {
    return "TF-" + LAST_ID.incrementAndGet();
  }

  /** A Pro owner's technical question on the web form, a feature issue without workaround: P3 for support-web. */
  static Map<String, String> ticket(String... overrides) {
    Map<String, String> ticket = new TreeMap<>(Map.of("plan", "PRO", "role", "OWNER", "category", "TECHNICAL",
        "impact", "FEATURE_ISSUE", "workaround", "NONE", "requestedChannel", "WEB", "callerVerification", "NOT_PROVIDED"));
    for (int i = 0; i < overrides.length; i += 2) {
      ticket.put(overrides[i], overrides[i + 1]);
    }
    return ticket;
  }

  /** The service being down with nothing to work around it: P1. */
  static Map<String, String> outage() {
    return ticket("impact", "SERVICE_DOWN", "workaround", "NONE");
  }

  /** A question: P4, with a first-response target only. */
  static Map<String, String> question() {
    return ticket("impact", "INFORMATION_REQUEST", "workaround", "AVAILABLE");
  }

  static VariableMap startVariables(String ticketId, Map<String, String> ticket) {
    VariableMap variables = Variables.createVariables()
        .putValue("ticketId", ticketId)
        .putValue("plan", ticket.get("plan"))
        .putValue("category", ticket.get("category"))
        .putValue("subject", "Recording does not start")
        .putValue("requesterEmail", "owner@acme.example")
        .putValue("conversation", "(no messages yet)");
    DECISION_INPUTS.forEach(input -> variables.putValueTyped(input, Variables.stringValue(ticket.get(input), true)));
    return variables;
  }
}
