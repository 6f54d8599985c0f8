package ticketflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN {@code Escalate…}: the commitment is breached (level 1, leads) or half as late again (level 2, managers). */
@Component("escalate")
class EscalateDelegate implements JavaDelegate {

  private final Commitments commitments;

  EscalateDelegate(Commitments commitments) {
    this.commitments = commitments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LadderStep step = "2".equals(String.valueOf(execution.getVariableLocal("level"))) ? LadderStep.LEVEL_2 : LadderStep.BREACHED;
    commitments.reached(execution.getProcessBusinessKey(), Commitment.valueOf((String) execution.getVariableLocal("commitment")), step);
  }
}
