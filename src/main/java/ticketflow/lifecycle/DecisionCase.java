package ticketflow.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One combination of input values a decision was asked, with the rows it answered, or why it could not answer.
 *
 * @param inputs the input variables and their values, in the table's order
 * @param answers the matched rows, output column to value; empty when no rule matched
 * @param failure the evaluation's error message, or null when it answered
 */
record DecisionCase(Map<String, String> inputs, List<Map<String, Object>> answers, String failure) {

  /** "priority P4", "impact SERVICE_DOWN, workaround NONE": the combination as a designer reads it. */
  String where() {
    if (inputs.isEmpty()) {
      return "every ticket";
    }
    return inputs.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }
}
