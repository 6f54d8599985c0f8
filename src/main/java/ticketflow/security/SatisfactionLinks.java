package ticketflow.security;

/**
 * The one-time links of closing mails, as the security filter asks about them: the satisfaction module keeps them.
 * A valid link authenticates exactly one request, {@code POST /api/tickets/{id}/satisfaction} for its own ticket.
 */
public interface SatisfactionLinks {

  /** The authority a request authenticated by a link carries (and nothing else). */
  String AUTHORITY = "SATISFACTION_LINK";

  /** What a token is worth for a ticket now. */
  Validity check(String ticketId, String token);

  enum Validity {
    VALID("valid"),
    UNKNOWN("not a link of this ticket"),
    USED("already used"),
    EXPIRED("expired");

    private final String text;

    Validity(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }
}
