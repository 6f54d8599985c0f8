package ticketflow.sla;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What the SLA elements of one deployed model stand for, read from the model itself: each timer declares its
 * commitment and ladder step in its due date ({@code ${slaDue.at(execution, 'RESOLUTION', 'AT_RISK')}}), each
 * commitment's branch starts at the gateway that asks {@code ${slaDue.has(execution, 'RESOLUTION')}}. Element ids
 * are whatever the designer chose.
 */
final class TimerDeclarations {

  static final Pattern TIMER = Pattern.compile("slaDue\\s*\\.\\s*at\\s*\\(\\s*execution\\s*,\\s*'(\\w+)'\\s*,\\s*'(\\w+)'\\s*\\)");
  static final Pattern BRANCH = Pattern.compile("^\\$\\{\\s*slaDue\\s*\\.\\s*has\\s*\\(\\s*execution\\s*,\\s*'(\\w+)'\\s*\\)\\s*}$");

  private static final Map<String, TimerDeclarations> BY_DEFINITION = new ConcurrentHashMap<>();

  private final Map<Commitment, Map<String, String>> timers;
  private final Map<Commitment, String> branchStarts;

  private TimerDeclarations(Map<Commitment, Map<String, String>> timers, Map<Commitment, String> branchStarts) {
    this.timers = timers;
    this.branchStarts = branchStarts;
  }

  /** The declarations of a process definition; a deployed definition never changes, so they are read once. */
  static TimerDeclarations of(String definitionId, Function<String, BpmnModelInstance> model) {
    return BY_DEFINITION.computeIfAbsent(definitionId, id -> read(model.apply(id)));
  }

  static TimerDeclarations read(BpmnModelInstance model) {
    Map<Commitment, Map<String, String>> timers = new EnumMap<>(Commitment.class);
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      TimeDate date = timer.getTimeDate();
      Matcher declared = TIMER.matcher(date == null ? "" : date.getTextContent());
      if (declared.find()) {
        Commitment commitment = Commitment.valueOf(declared.group(1));
        timers.computeIfAbsent(commitment, c -> new HashMap<>()).put(declared.group(2), eventId(timer));
      }
    }
    Map<Commitment, String> branches = new EnumMap<>(Commitment.class);
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      ConditionExpression condition = flow.getConditionExpression();
      Matcher declared = BRANCH.matcher(condition == null ? "" : condition.getTextContent().trim());
      if (declared.find()) {
        branches.put(Commitment.valueOf(declared.group(1)), flow.getSource().getId());
      }
    }
    return new TimerDeclarations(timers, branches);
  }

  Map<String, String> timersOf(Commitment commitment) {
    return timers.getOrDefault(commitment, Map.of());
  }

  Optional<String> branchStart(Commitment commitment) {
    return Optional.ofNullable(branchStarts.get(commitment));
  }

  /** The timer's event (boundary or intermediate): the activity its job belongs to. */
  private static String eventId(TimerEventDefinition timer) {
    ModelElementInstance event = timer.getParentElement();
    return event.getAttributeValue("id");
  }
}
