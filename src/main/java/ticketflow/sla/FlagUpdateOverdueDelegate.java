package ticketflow.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract.Beans;

/** BPMN {@code FlagUpdateOverdue}: the customer is owed an update; records it; the update timer waits for the next one. */
@Component(Beans.FLAG_UPDATE_OVERDUE)
class FlagUpdateOverdueDelegate implements JavaDelegate {

  private final Commitments commitments;

  FlagUpdateOverdueDelegate(Commitments commitments) {
    this.commitments = commitments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    commitments.updateOverdue(execution.getProcessBusinessKey());
  }
}
