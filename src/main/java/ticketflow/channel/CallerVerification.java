package ticketflow.channel;

/**
 * Outcome of checking a phone caller's personal meeting ID and host key against the account directory.
 * Only this outcome travels with the ticket; the host key itself never leaves the intake request.
 */
public enum CallerVerification {
  NOT_REQUIRED, PASSED, FAILED, NOT_PROVIDED;

  public boolean grantsPhone() {
    return this == PASSED;
  }
}
