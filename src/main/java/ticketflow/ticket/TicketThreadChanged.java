package ticketflow.ticket;

/**
 * The ticket's conversation or internal notes changed outside its tasks (a customer's message the ticket was not
 * waiting for, a note written at the API): forms open on the ticket show them again.
 */
public record TicketThreadChanged(String ticketId) {
}
