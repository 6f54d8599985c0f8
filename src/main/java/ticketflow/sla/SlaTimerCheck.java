package ticketflow.sla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelCheck;
import ticketflow.process.ModelContract.Beans;
import ticketflow.process.ProcessVariables;

/**
 * A deployment's SLA timers and SLA service tasks say what they stand for in a way ticketflow understands: a timer
 * calling {@code slaDue} declares a commitment ticketflow keeps and a step name; the update timer's step is
 * {@code DUE}; a service task after a ladder timer names its commitment and step. Which steps a ladder has is the
 * escalation-ladder table's business (a step it does not give a ticket waits at the end of time).
 */
@Component
class SlaTimerCheck implements ModelCheck {

  private static final Pattern STEP = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Set<String> COMMITMENTS = Arrays.stream(Commitment.values()).map(Enum::name).collect(Collectors.toSet());
  private static final Set<String> LADDER_BEANS = Set.of("${" + Beans.ESCALATE + "}", "${" + Beans.FLAG_AT_RISK + "}");

  @Override
  public List<String> problems(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      TimeDate date = timer.getTimeDate();
      String text = date == null ? "" : date.getTextContent();
      if (!text.contains(Beans.SLA_DUE)) {
        continue;
      }
      String where = "timer '" + timer.getParentElement().getAttributeValue("id") + "'";
      Matcher declared = TimerDeclarations.TIMER.matcher(text);
      if (!declared.find()) {
        problems.add(where + " calls slaDue but not as slaDue.at(execution, 'COMMITMENT', 'STEP'): " + text.trim());
        continue;
      }
      problems.addAll(declaration(where, declared.group(1), declared.group(2)));
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (LADDER_BEANS.contains(task.getCamundaDelegateExpression())) {
        String where = "service task '" + task.getId() + "'";
        problems.addAll(declaration(where, input(task, ProcessVariables.COMMITMENT), input(task, ProcessVariables.STEP)));
      }
    }
    return problems;
  }

  private static List<String> declaration(String where, String commitment, String step) {
    List<String> problems = new ArrayList<>();
    if (commitment == null || !COMMITMENTS.contains(commitment)) {
      problems.add(where + " declares commitment '" + commitment + "', which ticketflow does not keep (one of "
          + String.join(", ", COMMITMENTS.stream().sorted().toList()) + ").");
    } else if (Commitment.valueOf(commitment) == Commitment.UPDATE && !SlaSchedule.UPDATE_DUE.equals(step)) {
      problems.add(where + " declares update step '" + step + "'; the update timer's step is " + SlaSchedule.UPDATE_DUE + ".");
    }
    if (step == null || !STEP.matcher(step).matches()) {
      problems.add(where + " declares step '" + step + "', which is no step name (capitals, digits and _, such as AT_RISK).");
    }
    return problems;
  }

  private static String input(ServiceTask task, String name) {
    return task.getExtensionElements() == null ? null : task.getExtensionElements().getElementsQuery()
        .filterByType(CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream()).filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaInputParameter::getTextContent).map(String::trim).findFirst().orElse(null);
  }
}
