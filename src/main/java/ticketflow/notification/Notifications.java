package ticketflow.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import ticketflow.process.EngineAccess;
import ticketflow.satisfaction.SatisfactionLinkTokens;
import ticketflow.sla.SlaStepReached;
import ticketflow.ticket.AgentReplied;
import ticketflow.ticket.TicketClosed;
import ticketflow.ticket.TicketRepository;

/**
 * What the lifecycle tells people by mail, on the events of agent work, closing and the SLA ladder. The listeners run
 * in the transaction that published the event: the mails join the outbox in it and leave only after it commits.
 */
@Service
class Notifications {

  private final MailPolicy policy = new MailPolicy();
  private final TicketRepository tickets;
  private final IdentityService identity;
  private final Outbox outbox;
  private final SatisfactionLinkTokens satisfactionLinks;

  Notifications(TicketRepository tickets, IdentityService identity, Outbox outbox, SatisfactionLinkTokens satisfactionLinks) {
    this.tickets = tickets;
    this.identity = identity;
    this.outbox = outbox;
    this.satisfactionLinks = satisfactionLinks;
  }

  @EventListener
  void agentReplied(AgentReplied replied) {
    tickets.find(replied.ticketId())
        .flatMap(t -> policy.agentReplied(t, replied.firstResponse(), replied.reply(), replied.proposesSolution()))
        .ifPresent(outbox::enqueue);
  }

  /** The closing mail carries a new one-time link for the customer's score (none when there is no mail to send). */
  @EventListener
  void ticketClosed(TicketClosed closed) {
    tickets.find(closed.ticketId()).filter(t -> MailPolicy.isAddress(t.requesterEmail()))
        .flatMap(t -> policy.closed(t, closed.why(), satisfactionLinks.issue(t.id()))).ifPresent(outbox::enqueue);
  }

  /** The groups the step's row of the escalation ladder names hear of it; never the customer. */
  @EventListener
  void slaStepReached(SlaStepReached reached) {
    if (reached.state() == null || reached.mailTo().isEmpty()) {
      return;
    }
    tickets.find(reached.ticketId()).ifPresent(t -> policy.slaReached(t, reached, staffAddresses(reached.mailTo()))
        .forEach(outbox::enqueue));
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
