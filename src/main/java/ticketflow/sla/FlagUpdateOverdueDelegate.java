package ticketflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN {@code FlagUpdateOverdue}: the customer is owed an update; records it and sets when the next one is due. */
@Component("flagUpdateOverdue")
class FlagUpdateOverdueDelegate implements JavaDelegate {

  private final Commitments commitments;

  FlagUpdateOverdueDelegate(Commitments commitments) {
    this.commitments = commitments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("updateDueAt", commitments.updateOverdue(execution.getProcessBusinessKey()));
  }
}
