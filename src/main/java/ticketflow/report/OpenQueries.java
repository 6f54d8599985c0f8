package ticketflow.report;

import static ticketflow.report.ReportSql.OPEN;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract;
import ticketflow.report.SlaFigures.OpenCount;
import ticketflow.report.SlaFigures.OpenTickets;
import ticketflow.report.SlaFigures.OverdueClock;

/**
 * The figures "as of now": open tickets by priority and status, at-risk and breached clocks, and both per queue. Each
 * starts from the open tickets' ranges of tf_ticket_open_idx and reaches their clocks by primary key.
 */
@Component
class OpenQueries {

  /**
   * The ticket's running process instance, read from the engine's runtime table in the same query (one lookup per clock
   * through the engine's business-key index, instead of one engine query each).
   */
  private static final String INSTANCE = "(select min(e.id_) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
      + " where e.business_key_ = t.id and e.id_ = e.proc_inst_id_ and d.key_ = '" + ModelContract.PROCESS + "')";

  private final JdbcTemplate jdbc;

  OpenQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  OpenTickets openTickets() {
    List<OpenCount> counts = new ArrayList<>(jdbc.query("select t.priority, t.status, count(*) from tf_ticket t where " + OPEN
            + " group by t.priority, t.status",
        (rs, row) -> new OpenCount(ReportSql.priority(rs.getString(1)), rs.getString(2), rs.getLong(3))));
    counts.sort(Comparator.comparing(OpenCount::priority).thenComparing(OpenCount::status));
    return new OpenTickets(counts.stream().mapToLong(OpenCount::count).sum(), List.copyOf(counts));
  }

  List<OverdueClock> overdue(String state, Instant now) {
    return jdbc.query("select t.id, t.priority, t.queue, t.status, c.commitment, c.state, c.due_at, " + INSTANCE + " as instance_id"
            + " from tf_ticket t join tf_sla_clock c on c.ticket_id = t.id where " + OPEN + " and c.state = ?"
            + " order by c.due_at, t.id, c.commitment",
        (rs, row) -> {
          Instant due = ReportSql.instant(rs, "due_at");
          return new OverdueClock(rs.getString("id"), rs.getString("priority"), rs.getString("queue"), rs.getString("status"),
              rs.getString("commitment"), rs.getString("state"), due, due == null ? 0 : Duration.between(now, due).toSeconds(),
              rs.getString("instance_id"));
        }, state);
  }

  /** Per queue: {open, at risk, breached} open tickets (a ticket with clocks in both states counts in both). */
  Map<String, long[]> perQueue() {
    Map<String, long[]> queues = new TreeMap<>();
    jdbc.query("select t.queue, count(*) from tf_ticket t where " + OPEN + " group by t.queue", rs -> {
      queues.computeIfAbsent(ReportSql.queue(rs.getString(1)), q -> new long[3])[0] = rs.getLong(2);
    });
    jdbc.query("select t.queue, c.state, count(distinct t.id) from tf_ticket t join tf_sla_clock c on c.ticket_id = t.id"
        + " where " + OPEN + " and c.state in ('AT_RISK', 'BREACHED') group by t.queue, c.state", rs -> {
          queues.computeIfAbsent(ReportSql.queue(rs.getString(1)), q -> new long[3])["AT_RISK".equals(rs.getString(2)) ? 1 : 2] =
              rs.getLong(3);
        });
    return queues;
  }
}
