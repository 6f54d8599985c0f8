package ticketflow.ticket;

/** The ticket's status changed to {@code to} (published in the changing transaction; triage publishes TicketOpened). */
public record TicketStatusChanged(String ticketId, TicketStatus to) {
}
