package ticketflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract.Beans;
import ticketflow.process.ProcessVariables;

/** BPMN {@code Escalate…}: the commitment is breached (level 1, leads) or half as late again (level 2, managers). */
@Component(Beans.ESCALATE)
class EscalateDelegate implements JavaDelegate {

  private final Escalation escalation;

  EscalateDelegate(Escalation escalation) {
    this.escalation = escalation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LadderStep step = "2".equals(String.valueOf(execution.getVariableLocal(ProcessVariables.LEVEL)))
        ? LadderStep.LEVEL_2 : LadderStep.BREACHED;
    Commitment commitment = Commitment.valueOf((String) execution.getVariableLocal(ProcessVariables.COMMITMENT));
    escalation.reached(execution.getProcessBusinessKey(), commitment, step);
  }
}
