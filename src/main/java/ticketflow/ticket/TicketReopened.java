package ticketflow.ticket;

/**
 * The customer wrote on a closed ticket within the reopen window: the ticket is open again and whoever runs the
 * lifecycle gives its queue a Work ticket task, in the same transaction.
 */
public record TicketReopened(String ticketId) {
}
