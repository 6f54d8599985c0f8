package ticketflow.lifecycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.dmn.instance.UnaryTests;

/**
 * Asks each of ticketflow's decisions in a table every combination of the values its inputs may get, with the DMN
 * engine itself and no deployment, and leaves judging the answers to {@link DecisionAnswersPolicy}.
 */
final class DecisionTableCheck {

  /** An input that reads one variable, the only kind whose values ticketflow can enumerate. */
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_]\\w*");
  /** A string in a table's declared input values: "P1","P2". */
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  /** A matched rule in Camunda's hit-policy message (DMN-03001). */
  private static final Pattern MATCHED_RULE = Pattern.compile("DmnEvaluatedDecisionRuleImpl\\{id='([^']*)'");
  /** Far above today's largest (entitlement: 120); a table beyond it would slow every deployment and start-up. */
  private static final int MAX_COMBINATIONS = 10_000;

  private final DecisionAnswersPolicy policy;

  DecisionTableCheck(DecisionAnswersPolicy policy) {
    this.policy = policy;
  }

  /** Every way the table's decisions that ticketflow evaluates would fail it; empty when they answer every ticket. */
  List<String> problems(DmnEngine engine, DmnModelInstance table) {
    List<String> problems = new ArrayList<>();
    for (Decision decision : table.getModelElementsByType(Decision.class)) {
      if (policy.checks(decision.getId())) {
        problems.addAll(problems(engine, table, decision));
      }
    }
    return problems;
  }

  private List<String> problems(DmnEngine engine, DmnModelInstance table, Decision decision) {
    String name = "Decision '" + decision.getId() + "'";
    DecisionTable logic = decision.getChildElementsByType(DecisionTable.class).stream().findFirst().orElse(null);
    if (logic == null) {
      return List.of(name + " is no decision table: ticketflow checks every answer of its decisions, which needs a table.");
    }
    DmnDecision parsed;
    try {
      parsed = engine.parseDecision(decision.getId(), table);
    } catch (DmnEngineException e) {
      // Camunda's own deployer refuses a table it cannot read, with its own message.
      return List.of();
    }
    Map<String, List<String>> inputs = new LinkedHashMap<>();
    long combinations = 1;
    for (Input input : logic.getInputs()) {
      String variable = variable(input);
      String label = input.getLabel() == null ? input.getId() : input.getLabel();
      if (!VARIABLE.matcher(variable).matches()) {
        return List.of(name + " input '" + label + "' reads '" + variable
            + "': ticketflow checks inputs that read one variable, such as priority.");
      }
      List<String> values = policy.valuesFed(variable).orElseGet(() -> declared(input.getInputValues()));
      if (values.isEmpty()) {
        return List.of(name + " input '" + label + "' reads '" + variable
            + "', which ticketflow does not set, and declares no input values to check it with.");
      }
      inputs.put(variable, values);
      combinations *= values.size();
    }
    if (combinations > MAX_COMBINATIONS) {
      return List.of(name + " has " + combinations + " combinations of input values, more than the " + MAX_COMBINATIONS
          + " ticketflow checks.");
    }
    Set<String> tested = tested(logic);
    List<DecisionCase> cases = new ArrayList<>();
    for (Map<String, String> combination : combinations(new ArrayList<>(inputs.entrySet()), 0, new LinkedHashMap<>())) {
      cases.add(evaluate(engine, parsed, combination, tested));
    }
    return policy.problems(decision.getId(), cases);
  }

  /**
   * The variables of the inputs some rule tests (an entry other than "-"). A problem names a combination by these
   * only: a column every rule leaves at "-", such as plan in a table that treats all plans alike, changes nothing.
   */
  private static Set<String> tested(DecisionTable logic) {
    Set<String> tested = new HashSet<>();
    for (Rule rule : logic.getRules()) {
      List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
      for (int i = 0; i < entries.size() && i < logic.getInputs().size(); i++) {
        Text text = entries.get(i).getText();
        if (text != null && text.getTextContent() != null && !text.getTextContent().isBlank()
            && !text.getTextContent().trim().equals("-")) {
          tested.add(variable(new ArrayList<>(logic.getInputs()).get(i)));
        }
      }
    }
    return tested;
  }

  private static DecisionCase evaluate(DmnEngine engine, DmnDecision decision, Map<String, String> inputs, Set<String> tested) {
    Map<String, String> shown = new LinkedHashMap<>(inputs);
    shown.keySet().retainAll(tested);
    try {
      return new DecisionCase(shown, engine.evaluateDecision(decision, new HashMap<>(inputs)).getResultList(), null);
    } catch (RuntimeException e) {
      // Whatever keeps the table from answering (two matching rules of a UNIQUE table, a broken expression) fails
      // the ticket in the same way.
      return new DecisionCase(shown, List.of(), reason(e));
    }
  }

  private static String variable(Input input) {
    return input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
        : input.getInputExpression().getText().getTextContent().trim();
  }

  /** Camunda's message, with the matching rules of a hit-policy refusal named rather than dumped. */
  private static String reason(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("DMN-03001")) {
      List<String> rules = new ArrayList<>();
      Matcher rule = MATCHED_RULE.matcher(message);
      while (rule.find()) {
        rules.add(rule.group(1));
      }
      return "rules " + String.join(", ", rules) + " all match, and the hit policy allows only one";
    }
    return message;
  }

  private static List<Map<String, String>> combinations(List<Map.Entry<String, List<String>>> inputs, int index,
      Map<String, String> chosen) {
    if (index == inputs.size()) {
      return List.of(new LinkedHashMap<>(chosen));
    }
    List<Map<String, String>> all = new ArrayList<>();
    for (String value : inputs.get(index).getValue()) {
      chosen.put(inputs.get(index).getKey(), value);
      all.addAll(combinations(inputs, index + 1, chosen));
    }
    chosen.remove(inputs.get(index).getKey());
    return all;
  }

  private static List<String> declared(UnaryTests values) {
    List<String> strings = new ArrayList<>();
    if (values != null && values.getText() != null) {
      Matcher string = STRING.matcher(values.getText().getTextContent());
      while (string.find()) {
        strings.add(string.group(1));
      }
    }
    return strings;
  }
}
