package ticketflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmark's clients talk to one node over HTTP/1.1 keep-alive connections, as the portal and agents would. */
final class Http {

  private static final java.util.Map<String, Pattern> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  Http(String base) {
    this.base = base;
  }

  HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
    return client.send(request(path, user, password).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String user, String password, String json, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path, user, password).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> put(String path, String user, String password, String json) throws IOException, InterruptedException {
    return client.send(request(path, user, password).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** The first string value of {@code field} in a JSON answer, or null: enough for the few fields the benchmark reads. */
  static String field(String json, String field) {
    Matcher m = FIELDS.computeIfAbsent(field, f -> Pattern.compile("\"" + Pattern.quote(f) + "\"\\s*:\\s*\"([^\"]*)\"")).matcher(json);
    return m.find() ? m.group(1) : null;
  }
}
