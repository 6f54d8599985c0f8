package ticketflow.satisfaction;

/** The customer scored a closed ticket of {@code queue} (null for a ticket that never reached one). */
public record SatisfactionGiven(String ticketId, String queue, int score) {
}
