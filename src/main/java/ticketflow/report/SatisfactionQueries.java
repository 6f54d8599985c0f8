package ticketflow.report;

import static ticketflow.report.ReportSql.CREATED_IN_WINDOW;
import static ticketflow.report.ReportSql.utc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ticketflow.report.SlaFigures.Satisfaction;

/** The customers' scores of the window's tickets (copied onto the ticket, V19): one grouped range, by queue and score. */
@Component
class SatisfactionQueries {

  private final JdbcTemplate jdbc;

  SatisfactionQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Per queue, how many of each score 1..5 (index 0..4). */
  Map<String, long[]> counts(Instant from, Instant to) {
    Map<String, long[]> queues = new TreeMap<>();
    jdbc.query("select t.queue, t.satisfaction_score, count(*) from tf_ticket t where " + CREATED_IN_WINDOW
        + " and t.satisfaction_score is not null group by t.queue, t.satisfaction_score", rs -> {
          int score = rs.getInt(2);
          if (score >= 1 && score <= 5) {
            queues.computeIfAbsent(ReportSql.queue(rs.getString(1)), q -> new long[5])[score - 1] += rs.getLong(3);
          }
        }, utc(from), utc(to));
    return queues;
  }

  static Satisfaction overall(Map<String, long[]> counts) {
    long[] all = new long[5];
    counts.values().forEach(c -> {
      for (int i = 0; i < 5; i++) {
        all[i] += c[i];
      }
    });
    Map<String, Long> distribution = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      distribution.put(String.valueOf(i + 1), all[i]);
    }
    long responses = 0;
    for (long n : all) {
      responses += n;
    }
    return new Satisfaction(responses, average(all), distribution);
  }

  /** The mean score, null for none. */
  static Double average(long[] counts) {
    long responses = 0;
    long sum = 0;
    for (int i = 0; i < 5; i++) {
      responses += counts[i];
      sum += counts[i] * (i + 1);
    }
    return responses == 0 ? null : (double) sum / responses;
  }
}
