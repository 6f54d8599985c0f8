package ticketflow.ticket;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ticketflow.api.ApiException;
import ticketflow.process.TicketProcess;

/** The customer's side of the conversation, relayed by an intake client: replies and answers to proposed solutions. */
@Service
class CustomerConversation {

  private final TicketRepository tickets;
  private final Conversation conversation;
  private final TicketProcess process;
  private final ApplicationEventPublisher events;

  CustomerConversation(TicketRepository tickets, Conversation conversation, TicketProcess process,
      ApplicationEventPublisher events) {
    this.tickets = tickets;
    this.conversation = conversation;
    this.process = process;
    this.events = events;
  }

  @Transactional
  void reply(Ticket ticket, String body) {
    Ticket locked = openForCustomer(ticket.id());
    conversation.add(locked.id(), Author.CUSTOMER, body);
    if (locked.status() == TicketStatus.WAITING_ON_CUSTOMER) {
      events.publishEvent(new CustomerAnswered(locked.id()));
      process.customerReplied(locked.id());
    } else {
      process.showConversation(locked.id(), conversation.asThread(locked.id()));
    }
  }

  @Transactional
  void feedback(Ticket ticket, boolean accepted, String comment) {
    Ticket locked = openForCustomer(ticket.id());
    if (locked.status() != TicketStatus.SOLUTION_PROPOSED) {
      throw ApiException.conflict("Ticket " + locked.id() + " has no proposed solution to answer (status " + locked.status() + ").");
    }
    String verdict = accepted ? "Accepted the proposed solution." : "Rejected the proposed solution.";
    conversation.add(locked.id(), Author.CUSTOMER, comment == null || comment.isBlank() ? verdict : verdict + "\n" + comment);
    if (!accepted) {
      // Rejected: the clocks stopped for the customer's verdict run again, with the time they had left.
      events.publishEvent(new CustomerAnswered(locked.id()));
    }
    if (!process.feedbackGiven(locked.id(), accepted)) {
      throw ApiException.conflict("Ticket " + locked.id() + " is not waiting for feedback.");
    }
  }

  private Ticket openForCustomer(String id) {
    Ticket locked = tickets.findForUpdate(id).orElseThrow(() -> ApiException.notFound("Ticket", id));
    if (locked.isFinished()) {
      throw ApiException.conflict("Ticket " + id + " is " + locked.status() + "; submit a new ticket instead.");
    }
    return locked;
  }
}
