package ticketflow.account;

/** A requester's role inside an account. Anyone the directory does not know is {@link #BASIC}. */
public enum Role {
  OWNER, ADMIN, LICENSED, BASIC
}
