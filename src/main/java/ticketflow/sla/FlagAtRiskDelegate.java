package ticketflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract.Beans;
import ticketflow.process.ProcessVariables;

/** BPMN {@code FlagFirstResponseAtRisk}, {@code FlagResolutionAtRisk}: 75 % of the commitment is gone; staff are warned. */
@Component(Beans.FLAG_AT_RISK)
class FlagAtRiskDelegate implements JavaDelegate {

  private final Escalation escalation;

  FlagAtRiskDelegate(Escalation escalation) {
    this.escalation = escalation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Commitment commitment = Commitment.valueOf((String) execution.getVariableLocal(ProcessVariables.COMMITMENT));
    escalation.reached(execution.getProcessBusinessKey(), commitment, LadderStep.AT_RISK);
  }
}
