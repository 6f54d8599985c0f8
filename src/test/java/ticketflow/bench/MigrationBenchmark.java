package ticketflow.bench;

import static ticketflow.bench.SurgeBenchmark.ADMIN;
import static ticketflow.bench.SurgeBenchmark.ADMIN_PASSWORD;
import static ticketflow.bench.SurgeBenchmark.DEMO_PASSWORD;
import static ticketflow.bench.SurgeBenchmark.PORTAL;
import static ticketflow.bench.SurgeBenchmark.round;
import static ticketflow.bench.SurgeBenchmark.say;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import ticketflow.cluster.Node;

/**
 * The migration benchmark (BENCHMARKS.md): {@code bench.migrate-tickets} open tickets (each in its first response, with
 * its three ladder timers and the resolution and update branches) move to a new lifecycle version, as an administrator
 * would: deploy over engine REST, preview, migrate, and the batch runs on the node's job executor. Compared with the
 * raw engine migrating as many instances of the smallest process (one task, one boundary timer) in the same run.
 * Run with {@code mvn -Pbench verify -Dbench.main=ticketflow.bench.MigrationBenchmark [-Dbench.db=postgres]}; writes
 * target/bench/migration/results.json.
 */
public final class MigrationBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.fromSystemProperties();
    int tickets = Integer.getInteger("bench.migrate-tickets", 1000);
    Path work = Path.of("target", "bench", "migration").toAbsolutePath();
    SurgeBenchmark.deleteRecursively(work);
    Files.createDirectories(work.resolve("node"));
    Database database = Database.named(settings.db(), work);
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("machine", Machine.describe());
    results.put("db", settings.db());
    results.put("tickets", tickets);

    say("baseline: raw engine migrating " + tickets + " instances");
    Map<String, Object> raw = RawEngineBaseline.migration(database, Settings.ticketflowHistoryLevel(), tickets);
    results.put("baseline", raw);
    say("baseline: " + raw);

    try (Node node = SurgeBenchmark.launch(settings, database, work)) {
      Http http = new Http(node.base());
      AtomicLong subjects = new AtomicLong();
      LoadRun intake = LoadRun.untilDone(settings.clients(), () -> subjects.get() >= tickets, (thread, n) -> {
        if (subjects.incrementAndGet() > tickets) {
          return true;
        }
        HttpResponse<String> answer = http.post("/api/tickets", PORTAL, DEMO_PASSWORD,
            TicketMix.webTicket("Migrating " + thread + "-" + n));
        if (answer.statusCode() != 201) {
          throw new IllegalStateException("HTTP " + answer.statusCode() + " " + answer.body());
        }
        return true;
      });
      say("open tickets: " + tickets + " (" + intake.perSecond() + "/s)");

      deploy(node.base(), renamedModel());
      JsonNode versions = JSON.readTree(http.get("/api/lifecycle/versions", ADMIN, ADMIN_PASSWORD).body());
      int from = versions.get(1).get("version").asInt();

      long previewStart = System.nanoTime();
      JsonNode preview = JSON.readTree(http.post("/api/lifecycle/migrations", ADMIN, ADMIN_PASSWORD,
          "{\"fromVersion\": " + from + "}").body());
      double previewSeconds = (System.nanoTime() - previewStart) / 1e9;
      say("preview in " + round(previewSeconds) + " s: " + preview.get("migratable") + " of " + preview.get("tickets"));

      long started = System.nanoTime();
      HttpResponse<String> answer = http.post("/api/lifecycle/migrations", ADMIN, ADMIN_PASSWORD,
          "{\"fromVersion\": " + from + ", \"dryRun\": false}");
      String batchId = JSON.readTree(answer.body()).path("batchId").asText(null);
      if (batchId == null) {
        throw new IllegalStateException("no batch: " + answer.body());
      }
      double acceptedSeconds = (System.nanoTime() - started) / 1e9;
      // Done when no ticket is left on the old version (Camunda removes the batch up to a monitor poll later).
      while (JSON.readTree(http.get("/api/lifecycle/versions", ADMIN, ADMIN_PASSWORD).body()).get(1).get("openTickets").asLong() > 0) {
        Thread.sleep(100);
      }
      double migrationSeconds = (System.nanoTime() - started) / 1e9;
      JsonNode after = JSON.readTree(http.get("/api/lifecycle/versions", ADMIN, ADMIN_PASSWORD).body());
      long left = after.get(1).get("openTickets").asLong();
      long moved = after.get(0).get("openTickets").asLong();
      long failed = JSON.readTree(http.get("/engine-rest/incident/count", ADMIN, ADMIN_PASSWORD).body()).get("count").asLong();
      say("migrated " + moved + " tickets in " + round(migrationSeconds) + " s (batch accepted in " + round(acceptedSeconds)
          + " s); left on the old version " + left + ", incidents " + failed);
      Map<String, Object> ours = new LinkedHashMap<>();
      ours.put("previewSeconds", round(previewSeconds));
      ours.put("batchAcceptedSeconds", round(acceptedSeconds));
      ours.put("migrationSeconds", round(migrationSeconds));
      ours.put("ticketsPerSecond", round(moved / migrationSeconds));
      ours.put("moved", moved);
      ours.put("leftBehind", left);
      ours.put("incidents", failed);
      ours.put("ratioToRaw", round(migrationSeconds / ((Number) raw.get("migrationSeconds")).doubleValue()));
      results.put("ticketflow", ours);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(work.resolve("results.json").toFile(), results);
    System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    System.exit(0);
  }

  /** The shipped model with its tasks and SLA timers renamed, as a designer's next version. */
  private static String renamedModel() throws Exception {
    String model = Files.readString(Path.of("bpmn", "ticket-lifecycle.bpmn"));
    for (String timer : List.of("FirstResponseAtRisk", "FirstResponseBreached", "FirstResponseLevel2", "ResolutionAtRisk",
        "ResolutionBreached", "ResolutionLevel2", "UpdateDue")) {
      model = model.replace("\"" + timer + "\"", "\"" + timer + "Renamed\"").replace(">" + timer + "<", ">" + timer + "Renamed<");
    }
    return model.replace("name=\"Work ticket\"", "name=\"Work the ticket\"");
  }

  /** A multipart deployment as Camunda Modeler sends it: the model and its forms. */
  private static void deploy(String base, String model) throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("ticket-lifecycle.bpmn", model);
    for (String form : List.of("first-response.form", "work-ticket.form", "investigate-issue.form")) {
      files.put(form, Files.readString(Path.of("forms", form)));
    }
    String boundary = "----ticketflow" + UUID.randomUUID();
    StringBuilder body = new StringBuilder("--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nrenamed\r\n");
    files.forEach((name, content) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
        .append(name).append("\"; filename=\"").append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .append(content).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .timeout(Duration.ofMinutes(1))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("deployment refused: " + answer.statusCode() + " " + answer.body());
    }
  }
}
