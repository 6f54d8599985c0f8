package ticketflow.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ticketflow.ticket.Conversation;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketView;
import ticketflow.ticket.TicketViews;

/**
 * A ticket's whole story for staff, oldest first: its submission, the timeline's own record (decisions, status changes,
 * assignments, migrations), priority changes, the conversation, notes and SLA events, each with time and actor.
 * Entries at the same instant keep that order.
 */
@Service
class Timeline {

  private final TicketViews views;
  private final Conversation conversation;
  private final TimelineEvents events;

  Timeline(TicketViews views, Conversation conversation, TimelineEvents events) {
    this.views = views;
    this.conversation = conversation;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public List<TimelineEntry> of(Ticket ticket) {
    TicketView view = views.view(ticket.id());
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(new TimelineEntry(ticket.createdAt(), TimelineKind.SUBMITTED, ticket.createdBy(), details("requesterEmail",
        ticket.requesterEmail(), "requestedChannel", ticket.requestedChannel(), "category", ticket.category(), "impact",
        ticket.impact(), "workaround", ticket.workaround())));
    events.of(ticket.id()).forEach(e -> entries.addAll(expanded(e)));
    view.priorityChanges().forEach(c -> entries.add(new TimelineEntry(c.at(), TimelineKind.PRIORITY_CHANGED, c.by(),
        details("from", c.from(), "to", c.to(), "reason", c.reason()))));
    conversation.withWriters(ticket.id()).forEach(w -> entries.add(message(w, ticket)));
    view.notes().forEach(n -> entries.add(new TimelineEntry(n.at(), TimelineKind.NOTE_ADDED, n.author(),
        details("body", n.body(), "source", n.source()))));
    view.sla().events().forEach(e -> entries.add(new TimelineEntry(e.at(), TimelineKind.SLA_EVENT, TimelineEntry.TICKETFLOW,
        details("commitment", e.commitment(), "event", e.event(), "level", e.level()))));
    entries.sort(Comparator.comparing(TimelineEntry::at));
    return entries;
  }

  private static TimelineEntry message(Conversation.Written written, Ticket ticket) {
    var m = written.message();
    return switch (m.author()) {
      case AGENT -> new TimelineEntry(m.at(), TimelineKind.REPLIED, written.by() == null ? "an agent" : written.by(),
          details("body", m.body()));
      case CUSTOMER -> new TimelineEntry(m.at(), TimelineKind.CUSTOMER_MESSAGE, ticket.requesterEmail(), details("body", m.body()));
      case SYSTEM -> new TimelineEntry(m.at(), TimelineKind.SYSTEM_MESSAGE, TimelineEntry.TICKETFLOW, details("body", m.body()));
    };
  }

  /** Triage is stored once and told as what it decided. */
  private static List<TimelineEntry> expanded(TimelineEntry e) {
    if (e.kind() != TimelineKind.TRIAGED) {
      return List.of(e);
    }
    Map<String, ?> d = e.details();
    return List.of(
        new TimelineEntry(e.at(), TimelineKind.CHANNEL_DECIDED, e.actor(), details("requestedChannel", d.get("requestedChannel"),
            "channel", d.get("channel"), "channelReason", d.get("channelReason"))),
        new TimelineEntry(e.at(), TimelineKind.PRIORITY_DECIDED, e.actor(), details("priority", d.get("priority"),
            "queue", d.get("queue"))),
        new TimelineEntry(e.at(), TimelineKind.STATUS_CHANGED, e.actor(), details("to", d.get("status"))));
  }

  /** Name-value pairs in order; values as text, null kept (JSON null). */
  private static Map<String, Object> details(Object... pairs) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      details.put((String) pairs[i], value instanceof Enum<?> e ? e.name() : value);
    }
    return details;
  }
}
