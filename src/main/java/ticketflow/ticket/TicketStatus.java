package ticketflow.ticket;

/** Where a ticket stands in its lifecycle. */
public enum TicketStatus {
  DEFLECTED, OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, WITH_ENGINEERING, SOLUTION_PROPOSED, CLOSED
}
