package ticketflow.ticket;

import java.util.Set;

/** What a ticket listing asks for; queues and createdBy narrow it to what the caller may see (null: no limit). */
public record TicketFilter(TicketStatus status, String queue, Priority priority, String createdBy, Set<String> queues) {
}
