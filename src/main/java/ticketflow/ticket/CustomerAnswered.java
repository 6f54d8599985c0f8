package ticketflow.ticket;

/** The customer answered a ticket that was waiting on them. */
public record CustomerAnswered(String ticketId) {
}
