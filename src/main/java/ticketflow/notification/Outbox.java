package ticketflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional mail outbox (table {@code tf_mail_outbox}). A mail is enqueued in the transaction of the change
 * it reports, so it exists once that commits and never when it rolls back; {@link OutboxSender} sends committed rows.
 *
 * <p>Times are wall-clock (UTC), not the engine's clock: retries and leases are about real SMTP servers and other
 * nodes, which do not follow a clock that tests move.
 */
@Repository
public class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  private static final String COLUMNS = "id, ticket_id, kind, recipient, subject, body, created_at, attempts, last_error,"
      + " next_attempt_at, sent_at";
  static final int MAX_ERROR = 2000;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Outbox(JdbcTemplate jdbc, @Value("${spring.mail.host:#{null}}") String mailHost) {
    this.jdbc = jdbc;
    this.clock = Clock.systemUTC();
    if (mailHost == null) {
      log.info("No SMTP host configured (spring.mail.host): mails are kept in the outbox, listed at GET /api/mail-outbox");
    }
  }

  /** Keeps the mail for sending once the current transaction commits; there must be one. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(Mail mail) {
    Instant now = clock.instant();
    jdbc.update("insert into tf_mail_outbox (ticket_id, kind, recipient, subject, body, created_at, attempts, next_attempt_at)"
        + " values (?,?,?,?,?,?,0,?)", mail.ticketId(), mail.kind().name(), mail.to(), mail.subject(), mail.body(), utc(now), utc(now));
  }

  /** Unsent rows whose time has come, oldest first; another node may claim any of them first. */
  public List<OutboxEntry> due(Instant now, int limit) {
    return jdbc.query("select " + COLUMNS + " from tf_mail_outbox where next_attempt_at <= ? and sent_at is null order by id limit ?",
        Outbox::map, utc(now), limit);
  }

  /**
   * Claims a due row for one try: counts the attempt and leases the row until {@code leaseUntil}, so no other node
   * (nor this one's next poll) takes it meanwhile. Answers false when someone else got there first; the attempts
   * count the row had when read is the fence.
   */
  public boolean claim(OutboxEntry row, Instant now, Instant leaseUntil) {
    return jdbc.update("update tf_mail_outbox set attempts = attempts + 1, next_attempt_at = ?"
        + " where id = ? and attempts = ? and sent_at is null and next_attempt_at <= ?",
        utc(leaseUntil), row.id(), row.attempts(), utc(now)) == 1;
  }

  /** The SMTP server took the mail. */
  public void markSent(long id, Instant at) {
    jdbc.update("update tf_mail_outbox set sent_at = ?, next_attempt_at = null where id = ? and sent_at is null", utc(at), id);
  }

  /**
   * The try {@code attempt} failed: keeps the error and when to try again ({@code null}: given up). A try whose lease
   * another node has taken over since (a higher attempt count) changes nothing.
   */
  public void markFailed(long id, int attempt, String error, Instant nextAttemptAt) {
    jdbc.update("update tf_mail_outbox set last_error = ?, next_attempt_at = ? where id = ? and attempts = ? and sent_at is null",
        cut(error), utc(nextAttemptAt), id, attempt);
  }

  public Optional<OutboxEntry> find(long id) {
    return jdbc.query("select " + COLUMNS + " from tf_mail_outbox where id = ?", Outbox::map, id).stream().findFirst();
  }

  /** A ticket's mails, oldest first. */
  public List<OutboxEntry> ofTicket(String ticketId) {
    return jdbc.query("select " + COLUMNS + " from tf_mail_outbox where ticket_id = ? order by id", Outbox::map, ticketId);
  }

  /** The outbox newest first, optionally of one status and one ticket. */
  public OutboxPage page(MailStatus status, String ticketId, int page, int size) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (status != null) {
      where.append(switch (status) {
        case SENT -> " and sent_at is not null";
        case PENDING -> " and sent_at is null and next_attempt_at is not null";
        case FAILED -> " and sent_at is null and next_attempt_at is null";
      });
    }
    if (ticketId != null) {
      where.append(" and ticket_id = ?");
      args.add(ticketId);
    }
    Long total = jdbc.queryForObject("select count(*) from tf_mail_outbox" + where, Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(size);
    pageArgs.add((long) page * size);
    List<OutboxEntry> items = jdbc.query("select " + COLUMNS + " from tf_mail_outbox" + where
        + " order by created_at desc, id desc limit ? offset ?", Outbox::map, pageArgs.toArray());
    return new OutboxPage(items, page, size, total == null ? 0 : total);
  }

  private static OutboxEntry map(ResultSet rs, int row) throws SQLException {
    Instant sentAt = instant(rs, "sent_at");
    Instant next = instant(rs, "next_attempt_at");
    MailStatus status = sentAt != null ? MailStatus.SENT : next != null ? MailStatus.PENDING : MailStatus.FAILED;
    return new OutboxEntry(rs.getLong("id"), rs.getString("ticket_id"), MailKind.valueOf(rs.getString("kind")),
        rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), status, instant(rs, "created_at"),
        rs.getInt("attempts"), rs.getString("last_error"), next, sentAt);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static String cut(String text) {
    if (text == null) {
      return null;
    }
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
  }
}
