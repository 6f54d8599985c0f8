package ticketflow.account;

/** A member of a customer account; the host key is kept only as a salted hash. */
public record Member(String email, Role role, String personalMeetingId, String hostKeyHash) {
}
