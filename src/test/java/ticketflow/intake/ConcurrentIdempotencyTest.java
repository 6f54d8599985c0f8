package ticketflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ticketflow.TicketApi;

/**
 * A portal that retries impatiently: 20 simultaneous submissions under one Idempotency-Key make one ticket, over a
 * real HTTP port. Runs on H2 ({@link ConcurrentIdempotencyOnH2Test}) and PostgreSQL ({@link ConcurrentIdempotencyOnPostgresTest}).
 */
abstract class ConcurrentIdempotencyTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @RepeatedTest(10)
  void twentySimultaneousRetriesMakeExactlyOneTicket() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = json.writeValueAsString(TicketApi.ticket("subject", "Concurrent " + key));
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(20)).build();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService clients = Executors.newFixedThreadPool(20);
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
          return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tickets"))
              .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("portal:demo".getBytes(StandardCharsets.UTF_8)))
              .header("Content-Type", "application/json").header("Idempotency-Key", key)
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, clients));
    }
    start.countDown();
    List<HttpResponse<String>> responses = answers.stream().map(CompletableFuture::join).toList();
    clients.shutdown();

    assertThat(responses).extracting(HttpResponse::statusCode).allSatisfy(s -> assertThat(s).isIn(200, 201, 409));
    assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    List<String> ids = responses.stream().filter(r -> r.statusCode() != 409).map(r -> r.headers().firstValue("Location").orElseThrow()).distinct().toList();
    assertThat(ids).hasSize(1);
    assertThat(jdbc.queryForObject("select count(*) from tf_ticket where subject = ?", Integer.class, "Concurrent " + key)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ = ? and parent_id_ is null",
        Integer.class, ids.get(0).replace("/api/tickets/", ""))).isEqualTo(1);
  }
}
