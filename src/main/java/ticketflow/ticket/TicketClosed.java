package ticketflow.ticket;

/** The ticket closed; {@code why} is the text the conversation shows. */
public record TicketClosed(String ticketId, String why) {
}
