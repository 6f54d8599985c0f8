package ticketflow.ticket;

/** Whether the requester can work around the problem. */
public enum Workaround {
  NONE, PARTIAL, AVAILABLE
}
