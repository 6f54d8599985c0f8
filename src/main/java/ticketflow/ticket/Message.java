package ticketflow.ticket;

import java.time.Instant;

/** One message of a ticket's conversation with the customer. */
public record Message(Author author, String body, Instant at) {
}
