package ticketflow.notification;

import java.time.Instant;

/** A row of the mail outbox. {@code attempts} counts the tries started; {@code lastError} is the latest failure. */
public record OutboxEntry(long id, String ticketId, MailKind kind, String recipient, String subject, String body,
    MailStatus status, Instant createdAt, int attempts, String lastError, Instant nextAttemptAt, Instant sentAt) {
}
