package ticketflow.notification;

/** What a mail tells: the customer hears of replies, a proposed solution and the closing; staff of SLA trouble. */
public enum MailKind {
  FIRST_RESPONSE(true), AGENT_REPLY(true), SOLUTION_PROPOSED(true), CLOSED(true), AT_RISK(false), BREACHED(false);

  private final boolean toCustomer;

  MailKind(boolean toCustomer) {
    this.toCustomer = toCustomer;
  }

  /** True for the customer's mails; the others go to staff only, never to the customer. */
  public boolean toCustomer() {
    return toCustomer;
  }
}
