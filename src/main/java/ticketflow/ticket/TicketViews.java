package ticketflow.ticket;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ticketflow.api.ApiException;
import ticketflow.sla.Commitment;
import ticketflow.sla.SlaClock;
import ticketflow.sla.SlaClocks;

/** Assembles the API's view of a ticket from its row, conversation and suggestions. */
@Component
public class TicketViews {

  private final TicketRepository tickets;
  private final Conversation conversation;
  private final Suggestions suggestions;
  private final SlaClocks clocks;

  TicketViews(TicketRepository tickets, Conversation conversation, Suggestions suggestions, SlaClocks clocks) {
    this.tickets = tickets;
    this.conversation = conversation;
    this.suggestions = suggestions;
    this.clocks = clocks;
  }

  @Transactional(readOnly = true)
  public TicketView view(String id) {
    return view(tickets.find(id).orElseThrow(() -> ApiException.notFound("Ticket", id)));
  }

  TicketView view(Ticket t) {
    List<TicketView.Suggestion> suggested = t.status() == TicketStatus.DEFLECTED ? suggestions.of(t.id()) : List.of();
    return view(t, sla(t.id(), true), suggested, conversation.of(t.id()));
  }

  /** Listings leave out the conversation, suggestions and SLA events; GET /api/tickets/{id} has them. */
  TicketView summary(Ticket t) {
    return view(t, sla(t.id(), false), List.of(), List.of());
  }

  private static TicketView view(Ticket t, TicketView.Sla sla, List<TicketView.Suggestion> suggested, List<Message> messages) {
    return new TicketView(t.id(), t.accountId(), t.requesterEmail(), t.category(), t.impact(), t.workaround(), t.subject(),
        t.description(), t.status(), t.priority(), t.requestedChannel(), t.channel(), t.channelReason(), t.queue(),
        t.createdAt(), t.escalationLevel(), sla, suggested, messages);
  }

  private TicketView.Sla sla(String ticketId, boolean withEvents) {
    Map<Commitment, TicketView.Commitment> states = new EnumMap<>(Commitment.class);
    for (SlaClock c : clocks.of(ticketId)) {
      states.put(c.commitment(), new TicketView.Commitment(c.state() == ticketflow.sla.SlaState.PAUSED ? null : c.dueAt(),
          c.state().name(), c.metAt()));
    }
    List<TicketView.SlaEvent> events = withEvents ? clocks.events(ticketId).stream()
        .map(e -> new TicketView.SlaEvent(e.commitment().name(), e.event().name(), e.level(), e.at())).toList() : List.of();
    return new TicketView.Sla(states.getOrDefault(Commitment.FIRST_RESPONSE, TicketView.Commitment.NONE),
        states.getOrDefault(Commitment.UPDATE, TicketView.Commitment.NONE),
        states.getOrDefault(Commitment.RESOLUTION, TicketView.Commitment.NONE), events);
  }
}
