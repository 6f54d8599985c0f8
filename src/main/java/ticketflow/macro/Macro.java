package ticketflow.macro;

/** A canned reply: its body may hold placeholders ({@code {{ticket.id}}}) filled in for the ticket it answers. */
public record Macro(String id, String title, String body) {
}
