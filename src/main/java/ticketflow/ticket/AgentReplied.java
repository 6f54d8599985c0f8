package ticketflow.ticket;

/** An agent's reply went to the customer: the first response, a later reply, or a proposed solution. */
public record AgentReplied(String ticketId, boolean firstResponse, String reply, boolean proposesSolution) {
}
