package ticketflow.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Remembers which ticket a client's Idempotency-Key made, and from which request. */
@Repository
class IdempotencyKeys {

  record Recorded(String requestHash, String ticketId) {
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  IdempotencyKeys(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Optional<Recorded> find(String clientId, String key) {
    return jdbc.query("select request_hash, ticket_id from tf_idempotency_key where client_id = ? and idem_key = ?",
        (rs, row) -> new Recorded(rs.getString(1), rs.getString(2)), clientId, key).stream().findFirst();
  }

  void record(String clientId, String key, String requestHash, String ticketId) {
    jdbc.update("insert into tf_idempotency_key (client_id, idem_key, request_hash, ticket_id, created_at) values (?,?,?,?,?)",
        clientId, key, requestHash, ticketId, clock.instant().atOffset(ZoneOffset.UTC));
  }

  static String hash(String fingerprint) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
