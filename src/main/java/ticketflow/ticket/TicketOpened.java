package ticketflow.ticket;

/** Triage is done: the ticket has its priority and queue and waits for an agent. */
public record TicketOpened(Ticket ticket) {
}
