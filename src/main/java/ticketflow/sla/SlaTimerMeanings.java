package ticketflow.sla;

import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * What each SLA timer of a model stands for, for code outside the SLA that must pair the timers of two versions
 * (a migration maps a renamed timer to the one declaring the same commitment and step).
 */
public final class SlaTimerMeanings {

  private SlaTimerMeanings() {
  }

  /** Timer element id by meaning, e.g. {@code "RESOLUTION AT_RISK"} to whatever id the designer gave that timer. */
  public static Map<String, String> of(BpmnModelInstance model) {
    TimerDeclarations declarations = TimerDeclarations.read(model);
    Map<String, String> byMeaning = new TreeMap<>();
    for (Commitment commitment : Commitment.values()) {
      declarations.timersOf(commitment).forEach((step, timerId) -> byMeaning.put(commitment + " " + step, timerId));
    }
    return byMeaning;
  }
}
