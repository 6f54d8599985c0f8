package ticketflow.notification;

/**
 * Where a mail in the outbox stands: {@code PENDING} waits for its (next) try, {@code SENT} went out over SMTP,
 * {@code FAILED} was given up (the server rejected the address, or it failed too often); its last error says why.
 */
public enum MailStatus {
  PENDING, SENT, FAILED
}
