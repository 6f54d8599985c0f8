package ticketflow.sla;

/** The response commitments a ticket carries. */
public enum Commitment {
  FIRST_RESPONSE, UPDATE, RESOLUTION
}
