package ticketflow.sla;

/** Where a commitment's clock stands, as the ticket view shows it. */
public enum SlaState {
  RUNNING, PAUSED, MET, AT_RISK, BREACHED, NONE
}
