package ticketflow.notification;

/** One plain-text mail to one recipient about a ticket, as the outbox keeps it until it is sent. */
public record Mail(String to, String subject, String body, String ticketId, MailKind kind) {
}
