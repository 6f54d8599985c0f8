package ticketflow.report;

import static ticketflow.report.ReportSql.CREATED_IN_WINDOW;
import static ticketflow.report.ReportSql.MET_IN_TIME;
import static ticketflow.report.ReportSql.SECONDS_TO_MET;
import static ticketflow.report.ReportSql.rate;
import static ticketflow.report.ReportSql.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ticketflow.report.SlaFigures.Compliance;
import ticketflow.report.SlaFigures.PriorityCompliance;
import ticketflow.report.SlaFigures.PriorityRate;
import ticketflow.report.SlaFigures.UpdateCompliance;

/**
 * Compliance of the tickets created in a window, each figure one grouped query that starts from the window's range of
 * tf_ticket_created_idx and reaches clocks and events by their ticket: counts by queue, priority and commitment, medians
 * with percentile_cont, periodic updates from their MET and BREACHED events.
 */
@Component
class ComplianceQueries {

  static final String FIRST_RESPONSE = "FIRST_RESPONSE";
  static final String RESOLUTION = "RESOLUTION";

  private final JdbcTemplate jdbc;

  ComplianceQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Decided and met clocks of first response and resolution, by commitment, queue and priority. */
  record Counts(String commitment, String queue, String priority, long decided, long met) {
  }

  List<Counts> counts(Instant from, Instant to) {
    return jdbc.query("select c.commitment, t.queue, t.priority, count(*), " + MET_IN_TIME
            + " from tf_ticket t join tf_sla_clock c on c.ticket_id = t.id where " + CREATED_IN_WINDOW
            + " and c.commitment in ('FIRST_RESPONSE', 'RESOLUTION') and c.state in ('MET', 'BREACHED')"
            + " group by c.commitment, t.queue, t.priority",
        (rs, row) -> new Counts(rs.getString(1), ReportSql.queue(rs.getString(2)), ReportSql.priority(rs.getString(3)),
            rs.getLong(4), rs.getLong(5)), utc(from), utc(to));
  }

  /** Medians by commitment and priority ("" for all priorities), creation to metAt, in whole seconds. */
  Map<String, Long> medians(Instant from, Instant to) {
    Map<String, Long> medians = new HashMap<>();
    String median = "percentile_cont(0.5) within group (order by " + SECONDS_TO_MET + ")";
    String met = " from tf_ticket t join tf_sla_clock c on c.ticket_id = t.id where " + CREATED_IN_WINDOW
        + " and c.commitment in ('FIRST_RESPONSE', 'RESOLUTION') and c.state = 'MET' and c.met_at is not null";
    jdbc.query("select c.commitment, t.priority, " + median + met + " group by c.commitment, t.priority", rs -> {
      medians.put(rs.getString(1) + ":" + ReportSql.priority(rs.getString(2)), (long) Math.floor(rs.getDouble(3)));
    }, utc(from), utc(to));
    jdbc.query("select c.commitment, " + median + met + " group by c.commitment", rs -> {
      medians.put(rs.getString(1) + ":", (long) Math.floor(rs.getDouble(2)));
    }, utc(from), utc(to));
    return medians;
  }

  /** One commitment's compliance over the window, from the grouped counts and medians. */
  static Compliance compliance(String commitment, Instant from, Instant to, List<Counts> counts, Map<String, Long> medians) {
    Map<String, long[]> byPriority = new TreeMap<>();
    counts.stream().filter(c -> c.commitment().equals(commitment)).forEach(c -> {
      long[] sums = byPriority.computeIfAbsent(c.priority(), p -> new long[2]);
      sums[0] += c.decided();
      sums[1] += c.met();
    });
    TreeSet<String> priorities = new TreeSet<>(byPriority.keySet());
    medians.keySet().stream().filter(k -> k.startsWith(commitment + ":") && k.length() > commitment.length() + 1)
        .forEach(k -> priorities.add(k.substring(commitment.length() + 1)));
    List<PriorityCompliance> rows = new ArrayList<>();
    long decided = 0;
    long met = 0;
    for (String p : priorities) {
      long[] sums = byPriority.getOrDefault(p, new long[2]);
      rows.add(new PriorityCompliance(p, sums[0], sums[1], rate(sums[1], sums[0]), medians.get(commitment + ":" + p)));
      decided += sums[0];
      met += sums[1];
    }
    return new Compliance(from, to, decided, met, rate(met, decided), medians.get(commitment + ":"), List.copyOf(rows));
  }

  /** Update periods that ended on the window's tickets: MET events are updates in time, BREACHED ones missed. */
  UpdateCompliance updates(Instant from, Instant to) {
    List<PriorityRate> rows = new ArrayList<>(jdbc.query("select t.priority, count(*), sum(case when e.event = 'MET' then 1 else 0 end)"
            + " from tf_ticket t join tf_sla_event e on e.ticket_id = t.id where " + CREATED_IN_WINDOW
            + " and e.commitment = 'UPDATE' and e.event in ('MET', 'BREACHED') group by t.priority",
        (rs, row) -> new PriorityRate(ReportSql.priority(rs.getString(1)), rs.getLong(2), rs.getLong(3),
            rate(rs.getLong(3), rs.getLong(2))), utc(from), utc(to)));
    rows.sort(java.util.Comparator.comparing(PriorityRate::priority));
    long decided = rows.stream().mapToLong(PriorityRate::decided).sum();
    long met = rows.stream().mapToLong(PriorityRate::met).sum();
    return new UpdateCompliance(from, to, decided, met, rate(met, decided), List.copyOf(rows));
  }

  /** Per queue: {decided, met} of one commitment. */
  static Map<String, long[]> perQueue(String commitment, List<Counts> counts) {
    Map<String, long[]> queues = new TreeMap<>();
    counts.stream().filter(c -> c.commitment().equals(commitment)).forEach(c -> {
      long[] sums = queues.computeIfAbsent(c.queue(), q -> new long[2]);
      sums[0] += c.decided();
      sums[1] += c.met();
    });
    return queues;
  }
}
