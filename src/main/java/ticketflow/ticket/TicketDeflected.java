package ticketflow.ticket;

/** The ticket was answered from the knowledge base and ended without an agent. */
public record TicketDeflected(Ticket ticket) {
}
