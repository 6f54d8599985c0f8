package ticketflow.lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ticketflow.account.Plan;
import ticketflow.account.Role;
import ticketflow.calendar.SupportCalendars;
import ticketflow.channel.Channel;
import ticketflow.process.ModelContract.CommitmentsColumns;
import ticketflow.process.ModelContract.LadderColumns;
import ticketflow.process.ModelContract.Decision;
import ticketflow.process.ProcessVariables;
import ticketflow.security.Groups;
import ticketflow.sla.Commitment;
import ticketflow.sla.CommitmentTargets;
import ticketflow.ticket.Category;
import ticketflow.ticket.Impact;
import ticketflow.ticket.Priority;
import ticketflow.ticket.Workaround;

/**
 * What ticketflow needs of its decisions' answers, for every combination of the values it may ask them: an answer
 * (exactly one row where the lifecycle takes a single row), and only values the code knows: channels, priorities,
 * agent queues, configured calendars and readable commitment targets. A table that misses a combination deploys
 * fine in Camunda and then fails every ticket that reaches it.
 */
final class DecisionAnswersPolicy {

  /** How many combinations a problem lists before it counts the rest. */
  private static final int SHOWN = 3;

  /**
   * The values ticketflow feeds each variable a decision may read, whatever the table declares as its input values:
   * a table that drops a value from both its rows and its declared values still gets asked it.
   */
  private static final Map<String, List<String>> FED = Map.ofEntries(
      Map.entry(ProcessVariables.PLAN, names(Plan.values())),
      Map.entry(ProcessVariables.ROLE, names(Role.values())),
      Map.entry(ProcessVariables.CATEGORY, names(Category.values())),
      Map.entry(ProcessVariables.IMPACT, names(Impact.values())),
      Map.entry(ProcessVariables.WORKAROUND, names(Workaround.values())),
      Map.entry(ProcessVariables.PRIORITY, names(Priority.values())),
      Map.entry(ProcessVariables.REQUESTED_CHANNEL, names(Channel.values())),
      // The assigned channel; only tickets an agent serves are routed and get commitments.
      Map.entry(ProcessVariables.CHANNEL,
          names(Arrays.stream(Channel.values()).filter(c -> !c.deflects()).toArray(Channel[]::new))),
      // The queue the queue table routed the ticket to: one of the agent queues.
      Map.entry(ProcessVariables.QUEUE, List.copyOf(new TreeSet<>(Groups.AGENT_QUEUES))),
      // The escalation ladder is asked for the commitments with a ladder, by day and after hours.
      Map.entry(LadderColumns.COMMITMENT, List.of(Commitment.FIRST_RESPONSE.name(), Commitment.RESOLUTION.name())),
      Map.entry(LadderColumns.AFTER_HOURS, List.of("true", "false")));

  private static final List<String> LADDER_STATES = List.of("AT_RISK", "BREACHED");

  private final SupportCalendars calendars;

  DecisionAnswersPolicy(SupportCalendars calendars) {
    this.calendars = calendars;
  }

  /** Whether ticketflow evaluates the decision of that id. */
  boolean checks(String decisionId) {
    return decision(decisionId).isPresent();
  }

  /** The values ticketflow may give the variable; empty when it is none ticketflow sets for its decisions. */
  Optional<List<String>> valuesFed(String variable) {
    return Optional.ofNullable(FED.get(variable));
  }

  /** Every way the decision's answers over these cases fail ticketflow, each naming the combinations concerned. */
  List<String> problems(String decisionId, List<DecisionCase> cases) {
    Decision decision = decision(decisionId).orElseThrow();
    String name = "Decision '" + decisionId + "' ";
    // The same finding for many combinations (a rule's typo covers every combination it matches) is one problem.
    Map<Finding, List<String>> found = new LinkedHashMap<>();
    for (DecisionCase c : cases) {
      List<Finding> here = new ArrayList<>();
      if (c.failure() != null) {
        here.add(new Finding(name + "fails", ": " + c.failure()));
      } else if (c.answers().isEmpty() && !collects(decision)) {
        // An empty entitlement is an answer: the requester gets self-service (ChannelAssignmentPolicy).
        here.add(new Finding(name + "answers nothing", ": a ticket with these values would fail"));
      } else if (c.answers().size() > 1 && !collects(decision)) {
        here.add(new Finding(name + "answers " + c.answers().size() + " rows", ": ticketflow takes exactly one"));
      }
      c.answers().forEach(row -> here.addAll(answerProblems(name, decision, row)));
      // Combinations that differ only in inputs no rule tests read the same: each is listed once.
      here.forEach(f -> {
        List<String> wheres = found.computeIfAbsent(f, k -> new ArrayList<>());
        if (!wheres.contains(c.where())) {
          wheres.add(c.where());
        }
      });
    }
    return found.entrySet().stream().map(e -> e.getKey().head() + " for " + listed(e.getValue()) + e.getKey().tail() + ".").toList();
  }

  /** A problem as "head for <combinations> tail." */
  private record Finding(String head, String tail) {
  }

  private List<Finding> answerProblems(String name, Decision decision, Map<String, Object> row) {
    return switch (decision) {
      case ENTITLEMENT -> oneOf(name, row, ProcessVariables.CHANNEL, names(Channel.values()), "channel");
      case PRIORITY -> oneOf(name, row, ProcessVariables.PRIORITY, names(Priority.values()), "priority");
      case QUEUE -> oneOf(name, row, ProcessVariables.QUEUE, new TreeSet<>(Groups.AGENT_QUEUES), "agent queue");
      case COMMITMENTS -> commitments(name, row);
      case ESCALATION_LADDER -> ladderStep(name, row);
    };
  }

  /** Tables whose rows add up (entitled channels, ladder steps): no row, or several, is an answer. */
  private static boolean collects(Decision decision) {
    return decision == Decision.ENTITLEMENT || decision == Decision.ESCALATION_LADDER;
  }

  /** A ladder step names itself, sets a state the clocks know (or none), and offers and mails to known groups. */
  private static List<Finding> ladderStep(String name, Map<String, Object> row) {
    List<Finding> problems = new ArrayList<>();
    String step = text(row.get(LadderColumns.STEP));
    if (step == null || step.isBlank()) {
      problems.add(new Finding(name + "answers no " + LadderColumns.STEP, ": every row names the step it belongs to"));
    }
    String state = text(row.get(LadderColumns.STATE));
    if (state != null && !state.isBlank() && !LADDER_STATES.contains(state)) {
      problems.add(new Finding(name + "answers state " + quoted(state), ", which is no ladder state (" + String.join(", ", LADDER_STATES) + ")"));
    }
    for (String column : List.of(LadderColumns.OFFER_TO, LadderColumns.MAIL_TO)) {
      String groups = text(row.get(column));
      for (String group : groups == null ? new String[0] : groups.split(",")) {
        String g = group.trim();
        if (!g.isEmpty() && !"queue".equals(g) && !Groups.ALL.contains(g)) {
          problems.add(new Finding(name + "answers " + column + " group " + quoted(g), ", which is no group of ticketflow"));
        }
      }
    }
    return problems;
  }

  private static List<Finding> oneOf(String name, Map<String, Object> row, String column, Collection<String> known, String what) {
    String value = text(row.get(column));
    if (value != null && known.contains(value)) {
      return List.of();
    }
    return List.of(new Finding(name + "answers " + column + " " + quoted(value),
        ", which is no " + what + " (" + String.join(", ", known) + ")"));
  }

  private List<Finding> commitments(String name, Map<String, Object> row) {
    String calendar = text(row.get(CommitmentsColumns.CALENDAR));
    if (calendar == null || !calendars.names().contains(calendar)) {
      return List.of(new Finding(name + "answers calendar " + quoted(calendar),
          ", which is no support calendar (configured: " + String.join(", ", calendars.names()) + ")"));
    }
    List<Finding> problems = new ArrayList<>();
    String firstResponse = text(row.get(CommitmentsColumns.FIRST_RESPONSE));
    if (firstResponse == null || firstResponse.isBlank()) {
      problems.add(new Finding(name + "answers no " + CommitmentsColumns.FIRST_RESPONSE, ": every priority needs a first-response target"));
    }
    for (String column : List.of(CommitmentsColumns.FIRST_RESPONSE, CommitmentsColumns.UPDATE_EVERY, CommitmentsColumns.RESOLUTION)) {
      String target = text(row.get(column));
      try {
        CommitmentTargets.parse(target, calendars.get(calendar));
      } catch (IllegalArgumentException e) {
        problems.add(new Finding(name + "answers " + column + " " + quoted(target), ": " + e.getMessage()));
      }
    }
    return problems;
  }

  private static String listed(List<String> wheres) {
    String shown = String.join("; ", wheres.subList(0, Math.min(SHOWN, wheres.size())));
    int more = wheres.size() - SHOWN;
    return more <= 0 ? shown : shown + " and " + more + " more combination" + (more == 1 ? "" : "s");
  }

  private static Optional<Decision> decision(String id) {
    return Arrays.stream(Decision.values()).filter(d -> d.id().equals(id)).findFirst();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String quoted(String value) {
    return value == null ? "(empty)" : "'" + value + "'";
  }

  private static List<String> names(Enum<?>[] values) {
    return Stream.of(values).map(Enum::name).collect(Collectors.toUnmodifiableList());
  }
}
