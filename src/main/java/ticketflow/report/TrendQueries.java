package ticketflow.report;

import static ticketflow.report.ReportSql.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ticketflow.report.SlaFigures.TrendDay;

/**
 * The trend: the window cut into the days of a zone (DST-correct: a day is midnight to midnight there, 23 to 25 hours),
 * the first and last cut to the window. The days go to the database as a small VALUES table, and each figure is one
 * grouped join of it with a range over an index: tickets by created_at (with their first-response outcome, V19), by
 * closed_at, BREACHED events by time.
 */
@Component
class TrendQueries {

  private final JdbcTemplate jdbc;

  TrendQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A day of the trend and the part of it inside the window, [start, end). */
  record Day(LocalDate date, Instant start, Instant end) {
  }

  static List<Day> days(Instant from, Instant to, ZoneId zone) {
    List<Day> days = new ArrayList<>();
    LocalDate date = from.atZone(zone).toLocalDate();
    while (true) {
      Instant start = date.atStartOfDay(zone).toInstant();
      if (!start.isBefore(to)) {
        return days;
      }
      Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
      days.add(new Day(date, start.isBefore(from) ? from : start, end.isAfter(to) ? to : end));
      date = date.plusDays(1);
    }
  }

  List<TrendDay> trend(Instant from, Instant to, ZoneId zone) {
    List<Day> days = days(from, to, zone);
    long[] opened = new long[days.size()];
    long[] closed = new long[days.size()];
    long[] breached = new long[days.size()];
    long[][] firstResponse = new long[days.size()][2];
    Object[] bounds = bounds(days);
    String table = valuesTable(days.size());
    jdbc.query("select d.n, count(*), " + ReportSql.decided(ReportSql.FR) + ", " + ReportSql.metInTime(ReportSql.FR)
        + " from " + table + " join tf_ticket t on t.created_at >= d.s and t.created_at < d.e group by d.n", rs -> {
          opened[rs.getInt(1)] = rs.getLong(2);
          firstResponse[rs.getInt(1)][0] = rs.getLong(3);
          firstResponse[rs.getInt(1)][1] = rs.getLong(4);
        }, bounds);
    count(closed, "select d.n, count(*) from " + table + " join tf_ticket t on t.closed_at >= d.s and t.closed_at < d.e"
        + " group by d.n", bounds);
    count(breached, "select d.n, count(*) from " + table + " join tf_sla_event e on e.event = 'BREACHED' and e.at_time >= d.s"
        + " and e.at_time < d.e group by d.n", bounds);
    List<TrendDay> trend = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      trend.add(new TrendDay(days.get(i).date(), opened[i], closed[i], breached[i],
          ReportSql.rate(firstResponse[i][1], firstResponse[i][0])));
    }
    return trend;
  }

  private void count(long[] into, String sql, Object[] bounds) {
    jdbc.query(sql, rs -> {
      into[rs.getInt(1)] = rs.getLong(2);
    }, bounds);
  }

  /** {@code (values (0, ?, ?), …) as d(n, s, e)}, the bounds typed so both databases compare them with timestamps. */
  static String valuesTable(int days) {
    StringBuilder sql = new StringBuilder("(values ");
    for (int i = 0; i < days; i++) {
      sql.append(i == 0 ? "" : ", ").append('(').append(i)
          .append(", cast(? as timestamp with time zone), cast(? as timestamp with time zone))");
    }
    return sql.append(") as d(n, s, e)").toString();
  }

  private static Object[] bounds(List<Day> days) {
    Object[] bounds = new Object[days.size() * 2];
    for (int i = 0; i < days.size(); i++) {
      bounds[2 * i] = utc(days.get(i).start());
      bounds[2 * i + 1] = utc(days.get(i).end());
    }
    return bounds;
  }
}
