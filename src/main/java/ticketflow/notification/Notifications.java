package ticketflow.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import ticketflow.lifecycle.EngineAccess;
import ticketflow.ticket.TicketRepository;

/**
 * What the lifecycle tells people by mail. Called from the business transaction (agent work, closing, the SLA
 * ladder): the mails join the outbox in that transaction and leave only after it commits.
 */
@Service
public class Notifications {

  private final MailPolicy policy = new MailPolicy();
  private final TicketRepository tickets;
  private final IdentityService identity;
  private final Outbox outbox;

  Notifications(TicketRepository tickets, IdentityService identity, Outbox outbox) {
    this.tickets = tickets;
    this.identity = identity;
    this.outbox = outbox;
  }

  /** An agent's reply went to the customer: the first response, a later reply, or a proposed solution. */
  public void agentReplied(String ticketId, boolean first, String reply, boolean proposesSolution) {
    tickets.find(ticketId).flatMap(t -> policy.agentReplied(t, first, reply, proposesSolution)).ifPresent(outbox::enqueue);
  }

  /** The ticket closed, for this reason (the text the conversation shows). */
  public void ticketClosed(String ticketId, String why) {
    tickets.find(ticketId).flatMap(t -> policy.closed(t, why)).ifPresent(outbox::enqueue);
  }

  /**
   * A commitment reached a step of its escalation ladder ({@code AT_RISK}, {@code BREACHED}, {@code LEVEL_2}); at
   * risk and breached are told to the queue's staff and the support leads, never to the customer.
   */
  public void slaReached(String ticketId, String commitment, String step, Instant due) {
    if (policy.staffKind(step).isEmpty()) {
      return;
    }
    tickets.find(ticketId).ifPresent(t ->
        policy.slaReached(t, commitment, step, due, staffAddresses(policy.staffGroups(t))).forEach(outbox::enqueue));
  }

  /** The e-mail addresses of the engine users in these groups (users without one have none to give). */
  private List<String> staffAddresses(List<String> groups) {
    // As the system: whoever triggered the step (a timer, an admin executing a job) need not read the users.
    return EngineAccess.asSystem(() -> {
      List<String> addresses = new ArrayList<>();
      for (String group : groups) {
        for (User user : identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
          if (user.getEmail() != null && !user.getEmail().isBlank()) {
            addresses.add(user.getEmail());
          }
        }
      }
      return addresses;
    });
  }
}
