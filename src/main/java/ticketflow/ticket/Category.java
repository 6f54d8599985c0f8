package ticketflow.ticket;

/** What the ticket is about; three categories go to specialist teams whatever the channel. */
public enum Category {
  TECHNICAL, ACCOUNT, ABUSE_REPORT, BILLING_DISCREPANCY, SALES_INQUIRY
}
