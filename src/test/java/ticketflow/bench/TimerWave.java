package ticketflow.bench;

import static ticketflow.bench.SurgeBenchmark.ADMIN;
import static ticketflow.bench.SurgeBenchmark.ADMIN_PASSWORD;
import static ticketflow.bench.SurgeBenchmark.say;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wave of first-response at-risk timers all due at one instant: their due dates are moved over engine REST (as an
 * operator would) to a moment just after the last move, and the wave lasts until none of them is left.
 */
final class TimerWave {

  static final String AT_RISK = "FirstResponseAtRisk";
  private static final DateTimeFormatter CAMUNDA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
  private static final Pattern JOB_ID = Pattern.compile("[{,]\"id\":\"([^\"]+)\"");

  private final Http http;
  private final int timers;
  private final int clients;

  TimerWave(Http http, int timers, int clients) {
    this.http = http;
    this.timers = timers;
    this.clients = clients;
  }

  Map<String, Object> fire() throws Exception {
    List<String> jobs = atRiskJobs();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("timers", jobs.size());
    if (jobs.isEmpty()) {
      return figures;
    }
    double firedBefore = atRiskCounted();
    // A first batch sets the pace of the moves; the wave is then due a margin after the last move would end.
    int probe = Math.min(jobs.size(), 400);
    Instant far = Instant.now().plus(Duration.ofHours(6));
    long probeStarted = System.nanoTime();
    move(jobs.subList(0, probe), far);
    double perJob = (System.nanoTime() - probeStarted) / 1e9 / probe;
    Instant due = Instant.now().plusMillis((long) (perJob * jobs.size() * 1000 * 1.5) + 10_000).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    say("moving " + jobs.size() + " at-risk timers to " + due);
    long moving = System.nanoTime();
    move(jobs, due);
    double moveSeconds = (System.nanoTime() - moving) / 1e9;
    Instant moved = Instant.now();
    figures.put("movedBeforeDue", moved.isBefore(due));
    figures.put("moveSeconds", SurgeBenchmark.round(moveSeconds));
    while (Instant.now().isBefore(due)) {
      Thread.sleep(50);
    }
    String dueParam = java.net.URLEncoder.encode("lt_" + CAMUNDA.format(due.plusSeconds(1)), java.nio.charset.StandardCharsets.UTF_8);
    long left;
    long waveStarted = System.nanoTime();
    do {
      Thread.sleep(250);
      left = count(http.get("/engine-rest/job/count?activityId=" + AT_RISK + "&dueDates=" + dueParam, ADMIN, ADMIN_PASSWORD));
    } while (left > 0 && System.nanoTime() - waveStarted < Duration.ofMinutes(15).toNanos());
    double fired = Duration.between(due, Instant.now()).toMillis() / 1000.0;
    figures.put("allFiredWithinSeconds", SurgeBenchmark.round(fired));
    figures.put("left", left);
    figures.put("firesPerSecond", SurgeBenchmark.round(jobs.size() / Math.max(fired, 0.001)));
    figures.put("atRiskCountedByTicketflow", (long) (atRiskCounted() - firedBefore));
    return figures;
  }

  private List<String> atRiskJobs() throws Exception {
    HttpResponse<String> answer = http.get("/engine-rest/job?activityId=" + AT_RISK + "&firstResult=0&maxResults=" + timers,
        ADMIN, ADMIN_PASSWORD);
    List<String> ids = new ArrayList<>();
    Matcher m = JOB_ID.matcher(answer.body());
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private void move(List<String> jobs, Instant due) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    String body = "{\"duedate\":\"" + CAMUNDA.format(due) + "\"}";
    LoadRun run = LoadRun.untilDone(clients, () -> next.get() >= jobs.size(), (thread, n) -> {
      int i = next.getAndIncrement();
      if (i >= jobs.size()) {
        return true;
      }
      HttpResponse<String> answer = http.put("/engine-rest/job/" + jobs.get(i) + "/duedate", ADMIN, ADMIN_PASSWORD, body);
      if (answer.statusCode() != 204) {
        throw new IllegalStateException("due date of job " + jobs.get(i) + ": HTTP " + answer.statusCode() + " " + answer.body());
      }
      return true;
    });
    if (run.failures() > 0) {
      throw new IllegalStateException(run.failures() + " timers not moved: " + run.failureSamples());
    }
  }

  /** ticketflow's own count of at-risk steps reached (ticketflow_sla_at_risk_total, first response). */
  private double atRiskCounted() throws Exception {
    double total = 0;
    for (String line : http.get("/actuator/prometheus", ADMIN, ADMIN_PASSWORD).body().split("\n")) {
      if (line.startsWith("ticketflow_sla_at_risk_total") && line.toUpperCase().contains("FIRST")) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  private static long count(HttpResponse<String> answer) {
    Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(answer.body());
    if (!m.find()) {
      throw new IllegalStateException("job count: HTTP " + answer.statusCode() + " " + answer.body());
    }
    return Long.parseLong(m.group(1));
  }
}
