package ticketflow.notification;

import java.util.List;

/** A page of the outbox, newest first, paged like {@code GET /api/tickets}. */
public record OutboxPage(List<OutboxEntry> items, int page, int size, long total) {
}
