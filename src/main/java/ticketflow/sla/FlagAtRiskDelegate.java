package ticketflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN {@code FlagFirstResponseAtRisk}, {@code FlagResolutionAtRisk}: 75 % of the commitment is gone; staff are warned. */
@Component("flagAtRisk")
class FlagAtRiskDelegate implements JavaDelegate {

  private final Commitments commitments;

  FlagAtRiskDelegate(Commitments commitments) {
    this.commitments = commitments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    commitments.reached(execution.getProcessBusinessKey(), Commitment.valueOf((String) execution.getVariableLocal("commitment")),
        LadderStep.AT_RISK);
  }
}
