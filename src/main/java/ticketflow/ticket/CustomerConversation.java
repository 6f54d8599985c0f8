package ticketflow.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ticketflow.api.ApiException;
import ticketflow.process.LifecycleSettings;
import ticketflow.process.ModelContract.Messages;
import ticketflow.process.TicketProcess;

/**
 * The customer's side of the conversation, relayed by an intake client: replies and answers to proposed solutions.
 * No message goes unread: one on a ticket waiting for the customer's reply or verdict brings it back to its queue, and
 * one on a ticket closed within the reopen window reopens it.
 */
@Service
class CustomerConversation {

  private final TicketRepository tickets;
  private final Conversation conversation;
  private final TicketProcess process;
  private final ApplicationEventPublisher events;
  private final LifecycleSettings settings;
  private final Clock clock;
  private final Anonymisation anonymisation;

  CustomerConversation(TicketRepository tickets, Conversation conversation, TicketProcess process,
      ApplicationEventPublisher events, LifecycleSettings settings, Clock clock, Anonymisation anonymisation) {
    this.tickets = tickets;
    this.anonymisation = anonymisation;
    this.conversation = conversation;
    this.process = process;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  @Transactional
  void reply(Ticket ticket, String body) {
    Ticket locked = tickets.findForUpdate(ticket.id()).orElseThrow(() -> ApiException.notFound("Ticket", ticket.id()));
    if (locked.status() == TicketStatus.CLOSED) {
      reopen(locked, body);
      return;
    }
    openForCustomer(locked);
    conversation.add(locked.id(), Author.CUSTOMER, body);
    // A message instead of a verdict on a proposed solution goes back to the queue, as a rejection would; where the
    // ticket's model version does not catch it there, it is kept and shown as before.
    boolean awaited = locked.status() == TicketStatus.WAITING_ON_CUSTOMER
        || (locked.status() == TicketStatus.SOLUTION_PROPOSED && process.awaits(locked.id(), Messages.CUSTOMER_MESSAGE));
    if (awaited) {
      // First: the clocks stopped for the customer run again before the next task takes its due date from them.
      events.publishEvent(new CustomerAnswered(locked.id()));
      process.customerReplied(locked.id());
    } else {
      events.publishEvent(new TicketThreadChanged(locked.id()));
    }
  }

  @Transactional
  void feedback(Ticket ticket, boolean accepted, String comment) {
    Ticket locked = tickets.findForUpdate(ticket.id()).orElseThrow(() -> ApiException.notFound("Ticket", ticket.id()));
    openForCustomer(locked);
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

  /** Within the window after closing, the ticket opens again for its queue; later, the customer starts a new one. */
  private void reopen(Ticket closed, String body) {
    // An erased ticket stays erased: new text would be personal data again, and reopening would undo the erasure.
    if (anonymisation.isAnonymised(closed.id())) {
      throw new ApiException(HttpStatus.CONFLICT, "Ticket anonymised", "Ticket " + closed.id()
          + " was anonymised (erased on request or past retention) and takes no more messages; submit a new ticket.");
    }
    Instant closedAt = tickets.closedAt(closed.id()).orElse(null);
    if (closedAt == null || clock.instant().isAfter(closedAt.plus(settings.reopenWindow()))) {
      throw new ApiException(HttpStatus.CONFLICT, "Ticket closed",
          "Ticket " + closed.id() + " closed" + (closedAt == null ? "" : " at " + closedAt) + ", more than "
              + readable(settings.reopenWindow()) + " ago, too long to reopen it; submit a follow-up ticket that mentions "
              + closed.id() + ".");
    }
    conversation.add(closed.id(), Author.CUSTOMER, body);
    tickets.reopen(closed.id());
    conversation.add(closed.id(), Author.SYSTEM, "Ticket reopened: the customer wrote after it closed.");
    events.publishEvent(new TicketReopened(closed.id()));
  }

  private static String readable(Duration window) {
    long days = window.toDays();
    return window.equals(Duration.ofDays(days)) ? days + (days == 1 ? " day" : " days") : window.toString();
  }

  private static void openForCustomer(Ticket locked) {
    if (locked.isFinished()) {
      throw ApiException.conflict("Ticket " + locked.id() + " is " + locked.status() + "; submit a new ticket instead.");
    }
  }
}
