package ticketflow.sla;

/** What happened to a commitment's clock; every event is recorded with its time. */
public enum SlaEventType {
  AT_RISK, BREACHED, ESCALATED, PAUSED, RESUMED, MET
}
