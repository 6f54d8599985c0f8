package ticketflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import ticketflow.TicketflowServerTest;

/**
 * The safety valves, with limits small enough to reach: per-client rate, failed logins per address, body size. The
 * limits make a context of its own; the shared one keeps production's.
 */
@TicketflowServerTest
@TestPropertySource(properties = {
    "ticketflow.limits.requests-per-minute=5", "ticketflow.limits.failed-logins-per-minute=3",
    "ticketflow.limits.max-body-bytes=1024"})
class RequestLimitsTest {

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aClientOverItsRateGets429WithRetryAfterWhileOthersGoOn() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(get("/api/tickets", "lead", "demo").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = get("/api/tickets", "lead", "demo");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 60L));
    assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(get("/api/tickets", "manager", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void anAddressThatKeepsGuessingPasswordsIsSlowedDownWithoutLockingTheAccountOut() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(get("/engine-rest/task", "portal", "guess-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> slowed = get("/api/tickets", "sales.agent", "demo");
    assertThat(slowed.statusCode()).isEqualTo(429);
    assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    String big = "{\"subject\":\"" + "x".repeat(2048) + "\"}";
    HttpResponse<String> declared = http.send(post("/api/tickets", HttpRequest.BodyPublishers.ofString(big)), HttpResponse.BodyHandlers.ofString());
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
    assertThat(declared.body()).contains("larger than 1024 bytes");

    // Chunked: no Content-Length to check up front, so the limit applies while reading.
    HttpRequest chunked = post("/api/tickets", HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofString(big)));
    HttpResponse<String> streamed = http.send(chunked, HttpResponse.BodyHandlers.ofString());
    assertThat(streamed.statusCode()).isEqualTo(413);
    assertThat(streamed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private HttpRequest post(String path, HttpRequest.BodyPublisher body) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", basic("portal", "demo"))
        .header("Content-Type", "application/json").POST(body).build();
  }

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", basic(user, password))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

}
