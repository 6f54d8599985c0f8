package ticketflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract.Beans;
import ticketflow.process.ProcessVariables;

/**
 * BPMN SLA service tasks after a ladder timer: the step of the commitment (input parameters {@code commitment} and
 * {@code step}) was reached; the escalation-ladder table says what follows.
 */
@Component(Beans.ESCALATE)
class EscalateDelegate implements JavaDelegate {

  private final Escalation escalation;

  EscalateDelegate(Escalation escalation) {
    this.escalation = escalation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Commitment commitment = Commitment.valueOf((String) execution.getVariableLocal(ProcessVariables.COMMITMENT));
    escalation.reached(execution.getProcessBusinessKey(), commitment, (String) execution.getVariableLocal(ProcessVariables.STEP));
  }
}
