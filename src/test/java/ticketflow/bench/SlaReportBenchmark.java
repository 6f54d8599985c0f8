package ticketflow.bench;

import static ticketflow.bench.SurgeBenchmark.round;
import static ticketflow.bench.SurgeBenchmark.say;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ticketflow.cluster.Node;
import ticketflow.report.SlaRows;

/**
 * The SLA report benchmark (BENCHMARKS.md): {@code bench.report-tickets} tickets (100,000) created over the last 30 days,
 * written straight into the database with their clocks, SLA events and scores (the report reads only those tables),
 * then {@code GET /api/reports/sla} (30 and 90 days, JSON and CSV) timed on a node, median of several calls after one
 * warm-up call. The baseline, in the same run on the same rows: a plain {@code select count(*)} of the window's tickets
 * over JDBC. The node is started once first to create the schema, stopped for the seeding (H2's file is the node's
 * alone), and started again. Run with
 * {@code mvn -Pbench verify -Dbench.main=ticketflow.bench.SlaReportBenchmark [-Dbench.db=postgres]}; writes
 * target/bench/sla-report/results.json.
 */
public final class SlaReportBenchmark {

  private static final String[] QUEUES = {"support-web", "support-chat", "support-phone", "support-oncall", "billing", "sales",
      "trust-and-safety"};
  private static final int CALLS = 5;

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.fromSystemProperties();
    int tickets = Integer.getInteger("bench.report-tickets", 100_000);
    Path work = Path.of("target", "bench", "sla-report").toAbsolutePath();
    SurgeBenchmark.deleteRecursively(work);
    Files.createDirectories(work.resolve("node"));
    Database database = Database.named(settings.db(), work);
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("machine", Machine.describe());
    results.put("db", settings.db());
    results.put("tickets", tickets);

    try (Node node = SurgeBenchmark.launch(settings, database, work)) {
      say("schema created by " + node.base());
    }
    Instant now = Instant.now();
    try (Connection connection = DriverManager.getConnection(database.url("node"), database.user(), database.password())) {
      long started = System.nanoTime();
      Map<String, Long> rows = seed(connection, tickets, now);
      double seconds = (System.nanoTime() - started) / 1e9;
      say("seeded " + rows + " in " + round(seconds) + " s");
      results.put("seededRows", rows);
      results.put("seedSeconds", round(seconds));
      if (settings.db().equals("postgres")) {
        // As a database in use has them: statistics of the rows just written, not left to autovacuum during the calls.
        try (var statement = connection.createStatement()) {
          statement.execute("analyze");
        }
      }
      results.put("baselineCountMillis", baseline(connection, now));
      say("baseline: " + results.get("baselineCountMillis") + " ms");
    }
    try (Node node = SurgeBenchmark.launch(settings, database, work)) {
      Http http = new Http(node.base());
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("json30Days", time(http, "/api/reports/sla", tickets));
      report.put("json90Days", time(http, "/api/reports/sla?days=90", tickets));
      report.put("csv30Days", time(http, "/api/reports/sla.csv", -1));
      report.put("board", time(http, "/api/reports/sla/board", -1));
      results.put("report", report);
      say("report: " + report);
    }
    Files.writeString(work.resolve("results.json"),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
    System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
    System.exit(0);
  }

  /**
   * Tickets spread evenly over the 29 days before {@code now} (all inside the report's default 30-day window): 3 % still open (a tenth of those breached, a tenth at risk),
   * first response met in time for 85 %, resolution for 80 %, two update periods for P1 and P2 (one in ten missed),
   * a score for 40 % of the closed ones.
   */
  static Map<String, Long> seed(Connection connection, int tickets, Instant now) throws Exception {
    Random random = new Random(17);
    long clocks = 0;
    long events = 0;
    long scores = 0;
    connection.setAutoCommit(false);
    try (SlaRows rows = new SlaRows(connection)) {
      Duration span = Duration.ofDays(29);
      for (int i = 0; i < tickets; i++) {
        if (i % 5000 == 0) {
          // Commits as the application would, in small transactions, not one of 700,000 rows.
          rows.flush();
          connection.commit();
        }
        String id = "TF-5" + String.format("%09d", i);
        Instant created = now.minus(span).plusMillis((long) (span.toMillis() * (i + 0.5) / tickets));
        String priority = "P" + (1 + random.nextInt(4));
        String queue = QUEUES[random.nextInt(QUEUES.length)];
        boolean open = random.nextInt(100) < 3;
        Instant closed = open ? null : min(created.plus(Duration.ofHours(2 + random.nextInt(70))), now);
        rows.ticket(id, queue, priority, created, closed);
        Instant frDue = created.plus(Duration.ofHours(4));
        boolean frInTime = random.nextInt(100) < 85;
        Instant frMet = created.plus(Duration.ofMinutes(frInTime ? 10 + random.nextInt(200) : 250 + random.nextInt(600)));
        rows.clock(id, "FIRST_RESPONSE", created, frDue, "MET", frMet).event(id, "FIRST_RESPONSE", "MET", frMet);
        clocks++;
        events++;
        if (!frInTime) {
          rows.event(id, "FIRST_RESPONSE", "BREACHED", frDue);
          events++;
        }
        Instant resDue = created.plus(Duration.ofHours(48));
        if (open) {
          int kind = random.nextInt(10);
          rows.clock(id, "RESOLUTION", created, resDue, kind == 0 ? "BREACHED" : kind == 1 ? "AT_RISK" : "RUNNING", null);
        } else {
          rows.clock(id, "RESOLUTION", created, resDue, "MET", closed).event(id, "RESOLUTION", "MET", closed);
          events++;
          if (closed.isAfter(resDue)) {
            rows.event(id, "RESOLUTION", "BREACHED", resDue);
            events++;
          }
        }
        clocks++;
        if (priority.equals("P1") || priority.equals("P2")) {
          rows.clock(id, "UPDATE", created, null, "NONE", null);
          clocks++;
          for (int u = 1; u <= 2; u++) {
            rows.event(id, "UPDATE", random.nextInt(10) == 0 ? "BREACHED" : "MET", frMet.plus(Duration.ofHours(3L * u)));
            events++;
          }
        }
        if (!open && random.nextInt(10) < 4) {
          rows.score(id, 1 + random.nextInt(5), closed.plus(Duration.ofHours(1)));
          scores++;
        }
      }
    }
    connection.commit();
    connection.setAutoCommit(true);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("tickets", (long) tickets);
    counts.put("clocks", clocks);
    counts.put("events", events);
    counts.put("scores", scores);
    return counts;
  }

  /** The median of plain counts of the window's tickets over JDBC (after two warm-up counts). */
  static double baseline(Connection connection, Instant now) throws Exception {
    List<Double> millis = new ArrayList<>();
    try (PreparedStatement count = connection.prepareStatement("select count(*) from tf_ticket where created_at >= ? and created_at < ?")) {
      for (int i = 0; i < CALLS + 2; i++) {
        count.setObject(1, now.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC));
        count.setObject(2, now.plusSeconds(60).atOffset(ZoneOffset.UTC));
        long started = System.nanoTime();
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
        }
        if (i >= 2) {
          millis.add((System.nanoTime() - started) / 1e6);
        }
      }
    }
    return Math.round(median(millis) * 1000) / 1000.0;
  }

  /** Median and slowest of {@link #CALLS} calls after one warm-up call; checks the 30-day report counts every ticket. */
  static Map<String, Object> time(Http http, String path, int tickets) throws Exception {
    List<Double> millis = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < CALLS + 1; i++) {
      long started = System.nanoTime();
      last = http.get(path, "manager", SurgeBenchmark.DEMO_PASSWORD);
      if (last.statusCode() != 200) {
        throw new IllegalStateException(path + ": HTTP " + last.statusCode() + " " + last.body());
      }
      if (i >= 1) {
        millis.add((System.nanoTime() - started) / 1e6);
      }
    }
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("medianMillis", round(median(millis)));
    timing.put("maxMillis", round(millis.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
    timing.put("bytes", last.body().length());
    if (tickets > 0) {
      JsonNode report = new ObjectMapper().readTree(last.body());
      long opened = 0;
      for (JsonNode day : report.get("trend")) {
        opened += day.get("opened").asLong();
      }
      timing.put("ticketsInTrend", opened);
      timing.put("firstResponseDecided", report.at("/firstResponse/decided").asLong());
    }
    return timing;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
