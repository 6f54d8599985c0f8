package ticketflow.ticket;

/**
 * The ticket's personal data was replaced (retention or a requester's erasure), in the transaction that publishes this:
 * every module replaces what it keeps of the ticket's texts and of {@code formerRequester}'s address.
 */
public record TicketAnonymised(String ticketId, String formerRequester) {

  /** What replaces a text or an address. */
  public static final String REPLACEMENT = "(anonymised)";
}
