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
  private final TicketSla sla;
  private final PriorityHistory priorityHistory;
  private final StaffNotes notes;
  private final SatisfactionScores satisfaction;

  TicketViews(TicketRepository tickets, Conversation conversation, Suggestions suggestions, TicketSla sla,
      PriorityHistory priorityHistory, StaffNotes notes, SatisfactionScores satisfaction) {
    this.tickets = tickets;
    this.conversation = conversation;
    this.suggestions = suggestions;
    this.sla = sla;
    this.priorityHistory = priorityHistory;
    this.notes = notes;
    this.satisfaction = satisfaction;
  }

  @Transactional(readOnly = true)
  public TicketView view(String id) {
    return view(tickets.find(id).orElseThrow(() -> ApiException.notFound("Ticket", id)));
  }

  TicketView view(Ticket t) {
    List<TicketView.Suggestion> suggested = t.status() == TicketStatus.DEFLECTED ? suggestions.of(t.id()) : List.of();
    return view(t, sla.of(t.id(), true), suggested, conversation.of(t.id()), priorityHistory.of(t.id()),
        notes.newestFirst(t.id()), satisfaction.of(t.id()).orElse(null));
  }

  /** Listings leave out the conversation, suggestions, SLA events, priority changes and notes; GET /api/tickets/{id} has them. */
  TicketView summary(Ticket t) {
    return view(t, sla.of(t.id(), false), List.of(), List.of(), List.of(), List.of(), null);
  }

  private static TicketView view(Ticket t, TicketView.Sla sla, List<TicketView.Suggestion> suggested, List<Message> messages,
      List<TicketView.PriorityChange> priorityChanges, List<TicketView.Note> notes, TicketView.Satisfaction satisfaction) {
    return new TicketView(t.id(), t.accountId(), t.requesterEmail(), t.category(), t.impact(), t.workaround(), t.subject(),
        t.description(), t.status(), t.priority(), t.requestedChannel(), t.channel(), t.channelReason(), t.queue(),
        t.createdAt(), t.escalationLevel(), sla, suggested, messages, priorityChanges, notes, satisfaction);
  }
}
