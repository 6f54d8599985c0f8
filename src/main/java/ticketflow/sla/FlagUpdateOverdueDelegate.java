package ticketflow.sla;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract.Beans;
import ticketflow.process.ProcessVariables;

/** BPMN {@code FlagUpdateOverdue}: the customer is owed an update; records it and sets when the next one is due. */
@Component(Beans.FLAG_UPDATE_OVERDUE)
class FlagUpdateOverdueDelegate implements JavaDelegate {

  private final Commitments commitments;

  FlagUpdateOverdueDelegate(Commitments commitments) {
    this.commitments = commitments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ProcessVariables.UPDATE_DUE_AT, Date.from(commitments.updateOverdue(execution.getProcessBusinessKey())));
  }
}
