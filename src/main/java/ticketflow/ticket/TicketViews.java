package ticketflow.ticket;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ticketflow.api.ApiException;

/** Assembles the API's view of a ticket from its row, conversation and suggestions. */
@Component
public class TicketViews {

  private final TicketRepository tickets;
  private final Conversation conversation;
  private final Suggestions suggestions;

  TicketViews(TicketRepository tickets, Conversation conversation, Suggestions suggestions) {
    this.tickets = tickets;
    this.conversation = conversation;
    this.suggestions = suggestions;
  }

  @Transactional(readOnly = true)
  public TicketView view(String id) {
    return view(tickets.find(id).orElseThrow(() -> ApiException.notFound("Ticket", id)));
  }

  TicketView view(Ticket t) {
    List<TicketView.Suggestion> suggested = t.status() == TicketStatus.DEFLECTED ? suggestions.of(t.id()) : List.of();
    return new TicketView(t.id(), t.accountId(), t.requesterEmail(), t.category(), t.impact(), t.workaround(), t.subject(),
        t.description(), t.status(), t.priority(), t.requestedChannel(), t.channel(), t.channelReason(), t.queue(),
        t.createdAt(), t.escalationLevel(), TicketView.Sla.none(), suggested, conversation.of(t.id()));
  }

  /** Listings leave out the conversation; GET /api/tickets/{id} has it. */
  TicketView summary(Ticket t) {
    return new TicketView(t.id(), t.accountId(), t.requesterEmail(), t.category(), t.impact(), t.workaround(), t.subject(),
        t.description(), t.status(), t.priority(), t.requestedChannel(), t.channel(), t.channelReason(), t.queue(),
        t.createdAt(), t.escalationLevel(), TicketView.Sla.none(), List.of(), List.of());
  }
}
