package ticketflow.sla;

/** A periodic update the customer was promised is overdue (told to nobody by mail; counted as a breach). */
public record UpdateOverdue(String ticketId) {
}
