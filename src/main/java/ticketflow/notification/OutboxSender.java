package ticketflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the outbox over SMTP, every {@code ticketflow.mail.poll} (2 s by default), on every node that has an SMTP
 * host configured. Each due row is first claimed (its attempt counted and the row leased for
 * {@code ticketflow.mail.lease}) by a conditional update, so two nodes, or two polls, never send the same row at
 * the same time; it is marked sent right after the SMTP server accepted it. A failed try keeps the error and backs
 * off ({@link MailRetryPolicy}); the mail is tried again while the server is down.
 *
 * <p>The one window left: a node that dies (or loses the database) after the server accepted a mail and before it
 * marked the row sent leaves the row to be sent again once the lease runs out, so such a mail can arrive twice.
 * That is at least once, never lost; the stable {@code Message-ID} lets mail clients fold the copy. The lease must
 * outlast a send: keep the SMTP timeouts ({@code spring.mail.properties[mail.smtp.*timeout]}) well below it.
 */
public class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final Outbox outbox;
  private final JavaMailSender mailSender;
  private final MailRetryPolicy retry;
  private final Duration lease;
  private final int batchSize;
  private final String from;
  private final String domain;
  private final Clock clock;

  OutboxSender(Outbox outbox, JavaMailSender mailSender, MailRetryPolicy retry, Duration lease, int batchSize, String from,
      Clock clock) {
    if (lease == null || lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("ticketflow.mail.lease must be a positive duration, not " + lease);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("ticketflow.mail.batch-size must be at least 1, not " + batchSize);
    }
    if (!MailPolicy.isAddress(from)) {
      throw new IllegalArgumentException("ticketflow.mail.from must be an e-mail address like support@example.com, not '" + from + "'");
    }
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.retry = retry;
    this.lease = lease;
    this.batchSize = batchSize;
    this.from = from.strip();
    this.domain = this.from.substring(this.from.lastIndexOf('@') + 1);
    this.clock = clock;
  }

  /** Sends what is due; answers how many mails went out. */
  @Scheduled(fixedDelayString = "${ticketflow.mail.poll:PT2S}")
  public int sendDue() {
    int sent = 0;
    Instant now = clock.instant();
    for (OutboxEntry row : outbox.due(now, batchSize)) {
      if (!outbox.claim(row, now, clock.instant().plus(lease))) {
        continue; // another node (or an earlier poll's lease) has it
      }
      int attempt = row.attempts() + 1;
      try {
        mailSender.send(message -> prepare(message, row));
      } catch (RuntimeException e) {
        failed(row, attempt, e);
        continue;
      }
      outbox.markSent(row.id(), clock.instant());
      sent++;
    }
    return sent;
  }

  private void prepare(MimeMessage message, OutboxEntry row) throws MessagingException {
    MimeMessageHelper mail = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    mail.setFrom(from);
    mail.setTo(row.recipient());
    mail.setSubject(row.subject());
    mail.setText(row.body(), false);
    // Stable per row: a copy sent again after a crash carries the same id. Mails of a ticket thread together.
    message.setHeader("Message-ID", "<tf-mail-" + row.id() + "-" + row.createdAt().toEpochMilli() + "@" + domain + ">");
    message.setHeader("References", "<ticket-" + row.ticketId() + "@" + domain + ">");
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setHeader("X-Ticketflow-Ticket", row.ticketId());
    message.setHeader("X-Ticketflow-Kind", row.kind().name());
  }

  private void failed(OutboxEntry row, int attempt, RuntimeException e) {
    boolean permanent = permanent(e);
    Optional<Instant> next = retry.nextAttempt(clock.instant(), attempt, permanent);
    outbox.markFailed(row.id(), attempt, describe(e), next.orElse(null));
    if (next.isEmpty()) {
      log.warn("Mail {} ({} for ticket {}) given up after {} attempt(s): {}", row.id(), row.kind(), row.ticketId(), attempt, describe(e));
    } else if (attempt == 1) {
      log.warn("Mail {} ({} for ticket {}) not sent, trying again at {}: {}", row.id(), row.kind(), row.ticketId(), next.get(), describe(e));
    } else {
      log.debug("Mail {} not sent (attempt {}), trying again at {}: {}", row.id(), attempt, next.get(), describe(e));
    }
  }

  /** The message cannot be built, or the server refused the address outright (5xx): trying again will not help. */
  static boolean permanent(Exception e) {
    if (e instanceof MailParseException || e instanceof MailPreparationException) {
      return true;
    }
    if (e instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
      return send.getFailedMessages().values().stream().allMatch(OutboxSender::addressRejected);
    }
    return false;
  }

  private static boolean addressRejected(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0) {
        return true;
      }
    }
    return false;
  }

  static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && (e.getMessage() == null || !e.getMessage().contains(String.valueOf(root.getMessage())))) {
      text.append(" (").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage()).append(')');
    }
    return text.toString();
  }
}
