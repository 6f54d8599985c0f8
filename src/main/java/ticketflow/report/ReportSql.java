package ticketflow.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** What the report's queries share: portable SQL (H2 and PostgreSQL) over the indexed columns of V16. */
final class ReportSql {

  static final String UNTRIAGED = "UNTRIAGED";
  static final String UNROUTED = "UNROUTED";
  static final String OPEN = "t.status not in ('CLOSED', 'DEFLECTED')";
  /** Tickets created in [from, to): a range over tf_ticket_created_idx. */
  static final String CREATED_IN_WINDOW = "t.created_at >= ? and t.created_at < ?";
  /** 1 for a decided clock met by its due time: the numerator of every compliance rate. */
  static final String MET_IN_TIME = "sum(case when c.state = 'MET' and c.met_at <= c.due_at then 1 else 0 end)";
  /** Whole seconds from the ticket's creation to the clock's metAt (as Duration.toSeconds would count them). */
  static final String SECONDS_TO_MET = "floor(extract(epoch from c.met_at) - extract(epoch from t.created_at))";

  private ReportSql() {
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
