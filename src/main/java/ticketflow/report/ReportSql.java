package ticketflow.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;
import ticketflow.ticket.TicketStatus;

/**
 * What the report's queries share: portable SQL (H2 and PostgreSQL) over the indexed columns of V16 and V19. The window's
 * figures read the SLA outcomes copied onto tf_ticket (prefix {@code fr} for first response, {@code res} for resolution).
 */
final class ReportSql {

  static final String UNTRIAGED = "UNTRIAGED";
  static final String UNROUTED = "UNROUTED";
  /** Every status but CLOSED and DEFLECTED, listed, so that the query reads ranges of tf_ticket_open_idx. */
  static final String OPEN = "t.status in (" + Arrays.stream(TicketStatus.values())
      .filter(s -> s != TicketStatus.CLOSED && s != TicketStatus.DEFLECTED)
      .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";
  static final String FR = "fr";
  static final String RES = "res";
  /** Tickets created in [from, to): a range over tf_ticket_created_idx. */
  static final String CREATED_IN_WINDOW = "t.created_at >= ? and t.created_at < ?";


  private ReportSql() {
  }

  /** How many of the commitment's clocks ({@link #FR}, {@link #RES}) are decided: MET or BREACHED. */
  static String decided(String commitment) {
    return "sum(t." + commitment + "_decided)";
  }

  /** How many were met by their due time: the numerator of every compliance rate. */
  static String metInTime(String commitment) {
    return "sum(t." + commitment + "_in_time)";
  }

  /** The median of whole seconds from the ticket's creation to the met clock's metAt (null for the others). */
  static String medianSecondsToMet(String commitment) {
    return "percentile_cont(0.5) within group (order by t." + commitment + "_seconds)";
  }

  static Double rate(long met, long decided) {
    return decided == 0 ? null : (double) met / decided;
  }

  static String priority(String value) {
    return value == null ? UNTRIAGED : value;
  }

  static String queue(String value) {
    return value == null ? UNROUTED : value;
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
