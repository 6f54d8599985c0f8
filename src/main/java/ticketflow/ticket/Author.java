package ticketflow.ticket;

/** Who wrote a message of the conversation. */
public enum Author {
  CUSTOMER, AGENT, SYSTEM
}
