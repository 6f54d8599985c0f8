package ticketflow.sla;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract.AgentTask;
import ticketflow.ticket.CustomerAnswered;
import ticketflow.ticket.PriorityChanged;

/** The commitments follow what happens to the ticket, in the same transaction: its priority and its customer. */
@Component
class CommitmentsFollowTicket {

  private final Commitments commitments;
  private final SlaClocks clocks;
  private final SlaTimers timers;

  CommitmentsFollowTicket(Commitments commitments, SlaClocks clocks, SlaTimers timers) {
    this.commitments = commitments;
    this.clocks = clocks;
    this.timers = timers;
  }

  @EventListener
  void priorityChanged(PriorityChanged changed) {
    commitments.priorityChanged(changed.ticketId(), changed.to());
    if (!changed.whileCompletingTask()) {
      openTasksFollowCommitments(changed.ticketId());
    }
  }

  @EventListener
  void customerAnswered(CustomerAnswered answered) {
    commitments.customerBack(answered.ticketId());
  }

  /**
   * Open tasks take the due dates of their commitments again (Tasklist sorts by them). Not for a task being
   * completed right now: its update would clash with its removal in the same transaction.
   */
  private void openTasksFollowCommitments(String ticketId) {
    Map<AgentTask, Instant> due = new EnumMap<>(AgentTask.class);
    clocks.find(ticketId, Commitment.FIRST_RESPONSE).filter(c -> c.dueAt() != null)
        .ifPresent(c -> due.put(AgentTask.FIRST_RESPONSE, c.dueAt()));
    clocks.find(ticketId, Commitment.RESOLUTION).filter(c -> c.dueAt() != null && !c.isPaused()).ifPresent(c -> {
      due.put(AgentTask.WORK_TICKET, c.dueAt());
      due.put(AgentTask.INVESTIGATE_ISSUE, c.dueAt());
    });
    timers.dueOpenTasks(ticketId, due);
  }
}
