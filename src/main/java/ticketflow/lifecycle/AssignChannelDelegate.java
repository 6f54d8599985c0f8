package ticketflow.lifecycle;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ticketflow.channel.CallerVerification;
import ticketflow.channel.Channel;
import ticketflow.channel.ChannelAssignment;
import ticketflow.channel.ChannelAssignmentPolicy;
import ticketflow.process.ProcessVariables;
import ticketflow.ticket.TicketRepository;
import ticketflow.process.ModelContract.Beans;

/** BPMN {@code AssignChannel}: applies the channel assignment policy to the entitlement decision's result. */
@Component(Beans.ASSIGN_CHANNEL)
class AssignChannelDelegate implements JavaDelegate {

  private final ChannelAssignmentPolicy policy = new ChannelAssignmentPolicy();
  private final TicketRepository tickets;

  AssignChannelDelegate(TicketRepository tickets) {
    this.tickets = tickets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Collection<String> entitled = (Collection<String>) execution.getVariable(ProcessVariables.ENTITLED_CHANNELS);
    ChannelAssignment assignment = policy.assign(
        Channel.valueOf((String) execution.getVariable(ProcessVariables.REQUESTED_CHANNEL)),
        (entitled == null ? List.<String>of() : entitled).stream().map(Channel::valueOf).toList(),
        CallerVerification.valueOf((String) execution.getVariable(ProcessVariables.CALLER_VERIFICATION)));
    execution.setVariable(ProcessVariables.CHANNEL, assignment.assigned().name());
    // Read by the next gateway and the deflection step in this same transaction; the ticket row keeps both, so they
    // are transient, never written as variables. The entitlement was only the decision's hand-over to this step.
    execution.setVariable(ProcessVariables.CHANNEL_REASON, Variables.stringValue(assignment.reason(), true));
    execution.setVariable(ProcessVariables.DEFLECTED, Variables.booleanValue(assignment.deflected(), true));
    execution.removeVariable(ProcessVariables.ENTITLED_CHANNELS);
    tickets.recordChannel(execution.getProcessBusinessKey(), assignment.assigned(), assignment.reason());
  }
}
