package ticketflow.timeline;

import java.util.Map;

/**
 * Something happened to a ticket that belongs in its timeline and no other record keeps: publish it as a Spring event in
 * the transaction that did it (a migration publishes {@link TimelineKind#MIGRATED} with the versions), and the timeline
 * stores it with the time. {@code details} are small values (texts are cut at 1,000 characters).
 */
public record TimelineEvent(String ticketId, TimelineKind kind, String actor, Map<String, ?> details) {
}
