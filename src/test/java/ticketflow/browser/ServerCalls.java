package ticketflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import ticketflow.ApiClient;
import ticketflow.TicketApi;

/** ticketflow's API over real HTTP, as the portal, administrators and leads call it beside a browser test. */
final class ServerCalls {

  private final String base;
  private final ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  ServerCalls(int port, ObjectMapper json) {
    this.base = "http://localhost:" + port;
    this.json = json;
  }

  String base() {
    return base;
  }

  /** A ticket of the portal's ({@link TicketApi#ticket}); its id. */
  String submit(Map<String, Object> ticket) throws Exception {
    return call("POST", "/api/tickets", "portal", ticket, 201).get("id").asText();
  }

  JsonNode get(String path, String user) throws Exception {
    return call("GET", path, user, null, 200);
  }

  JsonNode call(String method, String path, String user, Map<String, ?> body, int expected) throws Exception {
    String password = ApiClient.ADMIN.equals(user) ? ApiClient.ADMIN_PASSWORD : ApiClient.DEMO_PASSWORD;
    HttpRequest.BodyPublisher content = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").method(method, content).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
    return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
  }
}
