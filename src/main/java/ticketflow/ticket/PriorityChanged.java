package ticketflow.ticket;

/**
 * An agent changed the ticket's priority with a reason; {@code whileCompletingTask} when it came with a task
 * completion (that task keeps its due date: it goes away in the same transaction).
 */
public record PriorityChanged(String ticketId, Priority from, Priority to, String reason, String by,
    boolean whileCompletingTask) {
}
