package ticketflow.report;

import static ticketflow.report.ReportSql.CREATED_IN_WINDOW;
import static ticketflow.report.ReportSql.FR;
import static ticketflow.report.ReportSql.RES;
import static ticketflow.report.ReportSql.decided;
import static ticketflow.report.ReportSql.medianSecondsToMet;
import static ticketflow.report.ReportSql.metInTime;
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
 * Compliance of the tickets created in a window, each figure one grouped query over the window's range of
 * tf_ticket_report_idx, which holds the SLA outcomes copied onto the ticket (V19): counts by queue, priority and
 * commitment, medians with percentile_cont, periodic updates from their counts of MET and BREACHED events.
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
    List<Counts> counts = new ArrayList<>();
    jdbc.query("select t.queue, t.priority, " + decided(FR) + ", " + metInTime(FR) + ", " + decided(RES) + ", " + metInTime(RES)
        + " from tf_ticket t where " + CREATED_IN_WINDOW + " group by t.queue, t.priority", rs -> {
          String queue = ReportSql.queue(rs.getString(1));
          String priority = ReportSql.priority(rs.getString(2));
          // Only groups with decided clocks count, as a join with the decided clocks would find them.
          if (rs.getLong(3) > 0) {
            counts.add(new Counts(FIRST_RESPONSE, queue, priority, rs.getLong(3), rs.getLong(4)));
          }
          if (rs.getLong(5) > 0) {
            counts.add(new Counts(RESOLUTION, queue, priority, rs.getLong(5), rs.getLong(6)));
          }
        }, utc(from), utc(to));
    return counts;
  }

  /** Medians by commitment and priority ("" for all priorities), creation to metAt, in whole seconds. */
  Map<String, Long> medians(Instant from, Instant to) {
    Map<String, Long> medians = new HashMap<>();
    String both = medianSecondsToMet(FR) + ", " + medianSecondsToMet(RES) + " from tf_ticket t where " + CREATED_IN_WINDOW;
    jdbc.query("select t.priority, " + both + " group by t.priority", rs -> {
      String priority = ReportSql.priority(rs.getString(1));
      median(medians, FIRST_RESPONSE + ":" + priority, rs.getObject(2));
      median(medians, RESOLUTION + ":" + priority, rs.getObject(3));
    }, utc(from), utc(to));
    jdbc.query("select " + both, rs -> {
      median(medians, FIRST_RESPONSE + ":", rs.getObject(1));
      median(medians, RESOLUTION + ":", rs.getObject(2));
    }, utc(from), utc(to));
    return medians;
  }

  /** A group without met clocks has no median (null), and no entry. */
  private static void median(Map<String, Long> medians, String key, Object value) {
    if (value != null) {
      medians.put(key, (long) Math.floor(((Number) value).doubleValue()));
    }
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
    List<PriorityRate> rows = new ArrayList<>(jdbc.query("select t.priority, sum(t.updates_met + t.updates_missed),"
            + " sum(t.updates_met) from tf_ticket t where " + CREATED_IN_WINDOW + " group by t.priority"
            + " having sum(t.updates_met + t.updates_missed) > 0",
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
