package ticketflow.ticket;

import java.time.Instant;
import java.util.List;
import ticketflow.channel.Channel;

/** A ticket as the API shows it. */
public record TicketView(
    String id,
    String accountId,
    String requesterEmail,
    Category category,
    Impact impact,
    Workaround workaround,
    String subject,
    String description,
    TicketStatus status,
    Priority priority,
    Channel requestedChannel,
    Channel channel,
    String channelReason,
    String queue,
    Instant createdAt,
    int escalationLevel,
    Sla sla,
    List<Suggestion> suggestions,
    List<Message> messages,
    List<PriorityChange> priorityChanges,
    List<Note> notes,
    Satisfaction satisfaction) {

  /** A change of priority at triage: staff see who made it and why; the customer's client does not. */
  public record PriorityChange(Priority from, Priority to, String reason, String by, Instant at) {
  }

  /** The customer's score of a closed ticket (1 to 5) with their comment; null until they gave one. */
  public record Satisfaction(int score, String comment, Instant at) {
  }

  /** An internal note for colleagues, newest first in the view; {@code source} says where it was written. */
  public record Note(String author, String body, String source, Instant at) {
  }

  /** The view an intake client gets: without staff's reasons for changing the priority, and without internal notes. */
  public TicketView forIntakeClient() {
    return new TicketView(id, accountId, requesterEmail, category, impact, workaround, subject, description, status, priority,
        requestedChannel, channel, channelReason, queue, createdAt, escalationLevel, sla, suggestions, messages, List.of(),
        List.of(), satisfaction);
  }

  /** The response commitments and every SLA event with its time (staff and customer see the same facts). */
  public record Sla(Commitment firstResponse, Commitment update, Commitment resolution, List<SlaEvent> events) {
    static Sla none() {
      return new Sla(Commitment.NONE, Commitment.NONE, Commitment.NONE, List.of());
    }
  }

  public record Commitment(Instant dueAt, String state, Instant metAt) {
    public static final Commitment NONE = new Commitment(null, "NONE", null);
  }

  public record SlaEvent(String commitment, String event, Integer level, Instant at) {
  }

  public record Suggestion(String id, String title, String summary, String url) {
  }
}
