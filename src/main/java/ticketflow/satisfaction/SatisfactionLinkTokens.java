package ticketflow.satisfaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.web.util.UriComponentsBuilder;
import ticketflow.security.SatisfactionLinks;

/**
 * One-time links for the customer's score, written into closing mails: {@code <link-base>?ticket=TF-1001&token=…}.
 * The token is 256 random bits; only its SHA-256 is stored, so the table alone gives no working link. A token is valid
 * for its ticket until {@code ticketflow.satisfaction.link-valid-for} (default P14D) after the mail, and once.
 */
@Repository
public class SatisfactionLinkTokens implements SatisfactionLinks {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String linkBase;
  private final Duration validFor;

  SatisfactionLinkTokens(JdbcTemplate jdbc, Clock clock,
      @Value("${ticketflow.satisfaction.link-base:https://support.example.com/satisfaction}") String linkBase,
      @Value("${ticketflow.satisfaction.link-valid-for:P14D}") Duration validFor) {
    if (validFor.isNegative() || validFor.isZero()) {
      throw new IllegalArgumentException("ticketflow.satisfaction.link-valid-for must be positive, not " + validFor);
    }
    this.jdbc = jdbc;
    this.clock = clock;
    this.linkBase = linkBase;
    this.validFor = validFor;
  }

  /** A new link for the ticket's closing mail, in the caller's transaction (a rolled-back closing leaves none). */
  public String issue(String ticketId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.update("insert into tf_satisfaction_link (token_hash, ticket_id, expires_at) values (?,?,?)", hash(token), ticketId,
        utc(clock.instant().plus(validFor)));
    return UriComponentsBuilder.fromUriString(linkBase).queryParam("ticket", ticketId).queryParam("token", token)
        .build().toUriString();
  }

  @Override
  public Validity check(String ticketId, String token) {
    List<Validity> found = jdbc.query("select ticket_id, expires_at, used_at from tf_satisfaction_link where token_hash = ?",
        (rs, row) -> !ticketId.equals(rs.getString(1)) ? Validity.UNKNOWN
            : rs.getObject(3) != null ? Validity.USED
            : !rs.getObject(2, OffsetDateTime.class).toInstant().isAfter(clock.instant()) ? Validity.EXPIRED
            : Validity.VALID, hash(token));
    return found.isEmpty() ? Validity.UNKNOWN : found.get(0);
  }

  /** Marks the token used; false when it is no longer valid for the ticket (used meanwhile, or expired). */
  boolean use(String ticketId, String token) {
    Instant now = clock.instant();
    return jdbc.update("update tf_satisfaction_link set used_at = ? where token_hash = ? and ticket_id = ? and used_at is null"
        + " and expires_at > ?", utc(now), hash(token), ticketId, utc(now)) == 1;
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
