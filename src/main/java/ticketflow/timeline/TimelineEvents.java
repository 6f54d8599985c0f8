package ticketflow.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketAnonymised;
import ticketflow.ticket.TicketDeflected;
import ticketflow.ticket.TicketOpened;
import ticketflow.ticket.TicketStatusChanged;

/** The timeline's own record: what no other table keeps with its time and actor, written in the transaction that did it. */
@Repository
class TimelineEvents {

  private static final int MAX_TEXT = 1000;
  /** Detail keys that hold what a person wrote: they go with the ticket's personal data. */
  private static final Set<String> FREE_TEXTS = Set.of("comment", "body", "text", "reply");
  private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
  };

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ObjectMapper json;
  private final Actors actors;

  TimelineEvents(JdbcTemplate jdbc, Clock clock, ObjectMapper json, Actors actors) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = json;
    this.actors = actors;
  }

  @EventListener
  void record(TimelineEvent event) {
    Map<String, Object> details = new LinkedHashMap<>();
    event.details().forEach((key, value) -> details.put(key, value instanceof String text && text.length() > MAX_TEXT
        ? text.substring(0, MAX_TEXT - 1) + "…" : value));
    try {
      jdbc.update("insert into tf_timeline_event (ticket_id, kind, actor, details, at_time) values (?,?,?,?,?)",
          event.ticketId(), event.kind().name(), event.actor() == null ? TimelineEntry.TICKETFLOW : event.actor(),
          json.writeValueAsString(details), clock.instant().atOffset(ZoneOffset.UTC));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Timeline details of " + event.ticketId() + " are no JSON: " + e.getMessage(), e);
    }
  }

  @EventListener
  void statusChanged(TicketStatusChanged changed) {
    record(new TimelineEvent(changed.ticketId(), TimelineKind.STATUS_CHANGED, actors.current(), Map.of("to", changed.to().name())));
  }

  /** Triage decided channel, priority and queue at once: one row, shown as three entries. */
  @EventListener
  void opened(TicketOpened opened) {
    Ticket t = opened.ticket();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("requestedChannel", t.requestedChannel().name());
    details.put("channel", t.channel() == null ? null : t.channel().name());
    details.put("channelReason", t.channelReason());
    details.put("priority", t.priority() == null ? null : t.priority().name());
    details.put("queue", t.queue());
    details.put("status", t.status().name());
    record(new TimelineEvent(t.id(), TimelineKind.TRIAGED, TimelineEntry.TICKETFLOW, details));
  }

  @EventListener
  void deflected(TicketDeflected deflected) {
    Ticket t = deflected.ticket();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("requestedChannel", t.requestedChannel().name());
    details.put("channel", t.channel() == null ? null : t.channel().name());
    details.put("channelReason", t.channelReason());
    record(new TimelineEvent(t.id(), TimelineKind.CHANNEL_DECIDED, TimelineEntry.TICKETFLOW, details));
  }

  /**
   * The requester's address goes wherever it was the actor or part of the details, and so do free texts in the details
   * (a satisfaction comment); the rest of each entry stays.
   */
  @EventListener
  void anonymised(TicketAnonymised anonymised) {
    String gone = TicketAnonymised.REPLACEMENT;
    String former = anonymised.formerRequester().toLowerCase();
    jdbc.update("update tf_timeline_event set actor = ? where ticket_id = ? and lower(actor) = ?", gone, anonymised.ticketId(), former);
    jdbc.query("select id, details from tf_timeline_event where ticket_id = ?", (rs, row) -> Map.entry(rs.getLong("id"),
        rs.getString("details")), anonymised.ticketId()).forEach(entry -> {
          Map<String, Object> details = details(entry.getValue());
          boolean changed = details.keySet().removeIf(key -> FREE_TEXTS.contains(key));
          if (changed || entry.getValue().toLowerCase().contains(former)) {
            try {
              jdbc.update("update tf_timeline_event set details = ? where id = ?", entry.getValue().toLowerCase()
                  .contains(former) ? "{}" : json.writeValueAsString(details), entry.getKey());
            } catch (JsonProcessingException e) {
              throw new IllegalStateException(e);
            }
          }
        });
  }

  List<TimelineEntry> of(String ticketId) {
    return jdbc.query("select kind, actor, details, at_time from tf_timeline_event where ticket_id = ? order by id",
        (rs, row) -> new TimelineEntry(rs.getObject("at_time", OffsetDateTime.class).toInstant(),
            TimelineKind.valueOf(rs.getString("kind")), rs.getString("actor"), details(rs.getString("details"))), ticketId);
  }

  private Map<String, Object> details(String text) {
    try {
      return json.readValue(text, DETAILS);
    } catch (JsonProcessingException e) {
      return Map.of("unreadable", text);
    }
  }
}
