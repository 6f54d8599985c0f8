package ticketflow.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import ticketflow.ticket.TicketAnonymised;

/**
 * Remembers which ticket a client's Idempotency-Key made, and from which request, for
 * {@code ticketflow.intake.idempotency-key-ttl}: a key older than that is forgotten, and a retry with it is a new ticket.
 */
@Repository
class IdempotencyKeys {

  record Recorded(String requestHash, String ticketId) {
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration ttl;

  IdempotencyKeys(JdbcTemplate jdbc, Clock clock, @Value("${ticketflow.intake.idempotency-key-ttl:P1D}") Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalStateException("ticketflow.intake.idempotency-key-ttl must be positive: " + ttl);
    }
    this.jdbc = jdbc;
    this.clock = clock;
    this.ttl = ttl;
  }

  Optional<Recorded> find(String clientId, String key) {
    return jdbc.query("select request_hash, ticket_id from tf_idempotency_key where client_id = ? and idem_key = ? and created_at > ?",
        (rs, row) -> new Recorded(rs.getString(1), rs.getString(2)), clientId, key, expiredBefore()).stream().findFirst();
  }

  /** Records the key; an expired record of the same key (not yet purged) makes way. */
  void record(String clientId, String key, String requestHash, String ticketId) {
    jdbc.update("delete from tf_idempotency_key where client_id = ? and idem_key = ? and created_at <= ?", clientId, key, expiredBefore());
    jdbc.update("insert into tf_idempotency_key (client_id, idem_key, request_hash, ticket_id, created_at) values (?,?,?,?,?)",
        clientId, key, requestHash, ticketId, clock.instant().atOffset(ZoneOffset.UTC));
  }

  /** Nightly: expired keys go. Any node may do it; a second node finds nothing left. */
  @Scheduled(cron = "${ticketflow.retention.cron:0 30 2 * * *}", zone = "UTC")
  void nightly() {
    purgeExpired();
  }

  int purgeExpired() {
    return jdbc.update("delete from tf_idempotency_key where created_at <= ?", expiredBefore());
  }

  /** An anonymised ticket's request (the hash of its texts) is not kept either. */
  @EventListener
  void anonymised(TicketAnonymised anonymised) {
    jdbc.update("delete from tf_idempotency_key where ticket_id = ?", anonymised.ticketId());
  }

  private OffsetDateTime expiredBefore() {
    return clock.instant().minus(ttl).atOffset(ZoneOffset.UTC);
  }

  static String hash(String fingerprint) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
