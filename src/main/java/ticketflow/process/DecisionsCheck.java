package ticketflow.process;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import ticketflow.process.ModelContractCheck.Terms;

/**
 * The decisions' part of {@link ModelContractCheck}: each decision the code evaluates is deployed, has the output
 * columns the code reads, and, where the code evaluates it itself, reads only the variables the code gives it.
 */
final class DecisionsCheck {

  private DecisionsCheck() {
  }

  static void check(Terms terms, Collection<DmnModelInstance> tables, List<String> problems) {
    Map<String, Decision> deployed = new HashMap<>();
    for (DmnModelInstance table : tables) {
      table.getModelElementsByType(Decision.class).forEach(d -> deployed.put(d.getId(), d));
    }
    terms.decisionOutputs().forEach((id, outputs) -> {
      Decision decision = deployed.get(id);
      if (decision == null) {
        problems.add("Decision '" + id + "' is missing: ticketflow evaluates it by that id.");
        return;
      }
      Set<String> columns = decision.getChildElementsByType(DecisionTable.class).stream()
          .flatMap(t -> t.getOutputs().stream()).map(Output::getName).collect(Collectors.toSet());
      outputs.stream().filter(o -> !columns.contains(o)).forEach(o -> problems.add(
          "Decision '" + id + "' has no output column '" + o + "': ticketflow reads it."));
      List<String> given = terms.decisionInputs().getOrDefault(id, List.of());
      if (!given.isEmpty()) {
        decision.getChildElementsByType(DecisionTable.class).stream().flatMap(t -> t.getInputs().stream())
            .forEach(input -> checkInput(id, input, given, problems));
      }
    });
  }

  /** An input of a table the code evaluates itself reads one of the variables the code gives it there. */
  private static void checkInput(String decision, Input input, List<String> given, List<String> problems) {
    String reads = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
        : input.getInputExpression().getText().getTextContent().trim();
    if (!given.contains(reads)) {
      problems.add("Decision '" + decision + "' input '" + (input.getLabel() == null ? input.getId() : input.getLabel())
          + "' reads '" + reads + "', which ticketflow does not give it: it gives " + String.join(", ", given) + ".");
    }
  }
}
