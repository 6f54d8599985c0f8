package ticketflow.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a mail that failed is tried again: after {@code initial}, doubling with every failed try up to {@code max}
 * (5 minutes by default), so a long SMTP outage costs one try per mail every few minutes. A permanent rejection
 * (the server refuses the address) or {@code maxAttempts} tries give up: the mail stays in the outbox as FAILED.
 */
public record MailRetryPolicy(Duration initial, Duration max, int maxAttempts) {

  public MailRetryPolicy {
    if (initial == null || initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("ticketflow.mail.retry-initial must be a positive duration, not " + initial);
    }
    if (max == null || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("ticketflow.mail.retry-max must be at least retry-initial (" + initial + "), not " + max);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("ticketflow.mail.max-attempts must be at least 1, not " + maxAttempts);
    }
  }

  /** The wait after the {@code attempts}-th failed try (1 → initial, 2 → twice that, …, never more than max). */
  public Duration backoff(int attempts) {
    int doublings = Math.max(0, attempts - 1);
    if (doublings >= 31) {
      return max;
    }
    Duration wait = initial.multipliedBy(1L << doublings);
    return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
  }

  /** When to try again after the {@code attempts}-th try failed at {@code failedAt}; empty: give up. */
  public Optional<Instant> nextAttempt(Instant failedAt, int attempts, boolean permanent) {
    if (permanent || attempts >= maxAttempts) {
      return Optional.empty();
    }
    return Optional.of(failedAt.plus(backoff(attempts)));
  }
}
