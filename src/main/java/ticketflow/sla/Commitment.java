package ticketflow.sla;

/** The response commitments a ticket carries (DESIGN §1). */
public enum Commitment {
  FIRST_RESPONSE, UPDATE, RESOLUTION
}
