package ticketflow.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import ticketflow.FreePorts;

/** What the cluster tests do over HTTP, as the portal and the administrator would. */
final class ClusterSupport {

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final String TICKET = "{\"accountId\":\"acme-pro\",\"requesterEmail\":\"owner@acme-pro.example\",\"channel\":\"WEB\","
      + "\"category\":\"TECHNICAL\",\"impact\":\"FEATURE_ISSUE\",\"workaround\":\"NONE\",\"subject\":\"%s\","
      + "\"description\":\"Cluster test ticket\"}";

  private ClusterSupport() {
  }

  /** Outside the ephemeral range: nothing running beside the test takes it while the node starts (FreePorts). */
  static int freePort() throws IOException {
    return FreePorts.belowEphemeralRange();
  }

  /** Submits a ticket as the portal; answers its id, or null when it was not acknowledged with 201. */
  static String submit(Node node, String subject) {
    try {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/tickets"))
          .header("Authorization", basic("portal", "demo")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(String.format(TICKET, subject))).build(), HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 201 ? answer.headers().firstValue("Location").orElseThrow().replace("/api/tickets/", "") : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }

  /**
   * Submits a ticket as the portal with an idempotency key; answers its id when acknowledged (201, or 200 for a
   * retry of a key already taken), null when the node refused or could not be reached.
   */
  static String submit(Node node, String subject, String idempotencyKey) {
    try {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/tickets"))
          .header("Authorization", basic("portal", "demo")).header("Content-Type", "application/json")
          .header("Idempotency-Key", idempotencyKey).timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofString(String.format(TICKET, subject))).build(), HttpResponse.BodyHandlers.ofString());
      boolean acknowledged = answer.statusCode() == 201 || answer.statusCode() == 200;
      return acknowledged ? answer.headers().firstValue("Location").orElseThrow().replace("/api/tickets/", "") : null;
    } catch (IOException | InterruptedException e) {
      return null;
    }
  }

  static int status(Node node, String path, String user, String password) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", basic(user, password)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  static String get(Node node, String path, String user, String password) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + path)).header("Authorization", basic(user, password)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  /**
   * A designer's change, deployed over engine REST like Camunda Modeler does: P3 commitments on wall-clock time,
   * first response due 20 s after submission (at risk at 15 s, level 2 at 30 s), resolution in an hour.
   */
  static void deployShortCommitments(Node node) throws Exception {
    String table = Files.readString(Path.of("bpmn/commitments.dmn"), StandardCharsets.UTF_8)
        .replace("<outputEntry id=\"normalFirstResponse\"><text>\"P1D\"</text>", "<outputEntry id=\"normalFirstResponse\"><text>\"PT20S\"</text>")
        .replace("<text>\"P10D\"</text>", "<text>\"PT1H\"</text>")
        .replace("<outputEntry id=\"normalCalendar\"><text>\"business\"</text>", "<outputEntry id=\"normalCalendar\"><text>\"24x7\"</text>");
    String boundary = "----ticketflow" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nshort P3 commitments\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"commitments.dmn\"; filename=\"commitments.dmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + table + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + "/engine-rest/deployment/create"))
        .header("Authorization", basic("admin", "cluster-admin")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("Deployment refused: " + answer.statusCode() + " " + answer.body());
    }
  }

  /** Prints a figure line and keeps it in target/cluster/results.txt for the notes. */
  static void record(String line) throws IOException {
    System.out.println(line);
    Path results = Path.of("target", "cluster", "results.txt");
    Files.createDirectories(results.getParent());
    Files.writeString(results, line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
