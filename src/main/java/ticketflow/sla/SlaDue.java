package ticketflow.sla;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract.Beans;
import ticketflow.process.ProcessVariables;

/**
 * What the model asks of the commitments, by what it means: the due date of a ladder step's timer
 * ({@code ${slaDue.at(execution, 'FIRST_RESPONSE', 'AT_RISK')}}), a commitment's due time for a task
 * ({@code ${slaDue.due(execution, 'RESOLUTION')}}), and whether the ticket has a commitment at all
 * ({@code ${slaDue.has(execution, 'UPDATE')}}), and the priority its tasks get in Tasklist
 * ({@code ${slaDue.taskPriority(execution)}}). Public, as the engine's expressions call it.
 */
@Component(Beans.SLA_DUE)
public class SlaDue {

  private final SlaClocks clocks;
  private final SlaSchedule schedule;

  SlaDue(SlaClocks clocks, SlaSchedule schedule) {
    this.clocks = clocks;
    this.schedule = schedule;
  }

  /** A step the ticket's ladder lacks, or a commitment it does not have, waits at the end of time. */
  public Date at(DelegateExecution execution, String commitment, String step) {
    return Date.from(clocks.find(execution.getProcessBusinessKey(), Commitment.valueOf(commitment))
        .map(c -> schedule.at(c, step)).orElse(SlaTimers.PAUSED));
  }

  public Date due(DelegateExecution execution, String commitment) {
    return clocks.find(execution.getProcessBusinessKey(), Commitment.valueOf(commitment))
        .filter(c -> c.dueAt() != null && !c.isPaused() && c.state() != SlaState.NONE).map(c -> Date.from(c.dueAt())).orElse(null);
  }

  public boolean has(DelegateExecution execution, String commitment) {
    return clocks.find(execution.getProcessBusinessKey(), Commitment.valueOf(commitment)).filter(c -> !c.isFinished()).isPresent();
  }

  /**
   * The commitments table's task priority for the ticket's terms, as its clocks keep it; a ticket opened before they
   * kept it has it as a process variable instead.
   */
  public int taskPriority(DelegateExecution execution) {
    return clocks.taskPriority(execution.getProcessBusinessKey()).orElseGet(() ->
        execution.getVariable(ProcessVariables.TASK_PRIORITY) instanceof Number n ? n.intValue() : CommitmentTerms.DEFAULT_TASK_PRIORITY);
  }
}
