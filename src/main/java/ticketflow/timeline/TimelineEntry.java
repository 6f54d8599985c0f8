package ticketflow.timeline;

import java.time.Instant;
import java.util.Map;

/** One line of a ticket's timeline: when, what, who (a user id, a requester's address, or ticketflow), and the facts. */
public record TimelineEntry(Instant at, TimelineKind kind, String actor, Map<String, ?> details) {

  /** ticketflow itself: its rules, decision tables, timers and the closing of silent tickets. */
  public static final String TICKETFLOW = "ticketflow";
}
