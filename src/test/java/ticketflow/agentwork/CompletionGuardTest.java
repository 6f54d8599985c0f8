package ticketflow.agentwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import ticketflow.TicketApi;
import ticketflow.TicketflowServerTest;

/** An engine REST client completing an agent task without what the rules need hears why, with a 400, not a 500. */
@TicketflowServerTest
class CompletionGuardTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aCompletionWithoutTheReplyItNeedsIsA400NamingItAndTheTaskStaysOpen() throws Exception {
    String id = submit();
    String task = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();

    HttpResponse<String> refused = complete("web.agent", task, "{\"variables\":{\"action\":{\"value\":\"PROPOSE_SOLUTION\"}}}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).get("message").asText()).contains("Write a reply");
    assertThat(complete("web.agent", task, "{\"variables\":{\"action\":{\"value\":\"CLOSE_IT\"},\"reply\":{\"value\":\"x\"}}}").body())
        .contains("action must be one of");
    assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);

    // Someone who may not see the task gets Camunda's own refusal, not a hint about the task's rules.
    assertThat(complete("chat.agent", task, "{\"variables\":{\"action\":{\"value\":\"PROPOSE_SOLUTION\"}}}").statusCode()).isNotEqualTo(400);
    assertThat(complete("web.agent", task, "not json").statusCode()).isEqualTo(400);

    HttpResponse<String> done = complete("web.agent", task,
        "{\"variables\":{\"action\":{\"value\":\"PROPOSE_SOLUTION\"},\"reply\":{\"value\":\"Update to 6.3\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  @Test
  void aCannedReplyStandsForTheReplyAndAnUnknownOneIsA400() throws Exception {
    String macro = "guard-" + Long.toHexString(System.nanoTime());
    HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/macros/" + macro))
        .header("Authorization", basic("admin", "test-admin-secret")).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Update\",\"body\":\"Please update, {{requester.email}}.\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    String task = tasks.createTaskQuery().processInstanceBusinessKey(submit()).singleResult().getId();

    HttpResponse<String> refused = complete("web.agent", task,
        "{\"variables\":{\"action\":{\"value\":\"PROPOSE_SOLUTION\"},\"macro\":{\"value\":\"no-such-macro\"}}}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).get("message").asText()).contains("no-such-macro");

    HttpResponse<String> done = complete("web.agent", task,
        "{\"variables\":{\"action\":{\"value\":\"PROPOSE_SOLUTION\"},\"macro\":{\"value\":\"" + macro + "\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  @Test
  void aChunkedBodyIsJudgedWhenSmallAndPassedOnWholeWhenLarge() throws Exception {
    String task = tasks.createTaskQuery().processInstanceBusinessKey(submit()).singleResult().getId();

    HttpResponse<String> refused = completeChunked("web.agent", task,
        bytes("{\"variables\":{\"action\":{\"value\":\"PROPOSE_SOLUTION\"}}}"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).get("message").asText()).contains("Write a reply");

    // The reply comes after 3 MiB of blanks, past what the guard reads: it reaches Camunda only if the rest follows.
    HttpResponse<String> done = completeChunked("web.agent", task, new SequenceInputStream(
        bytes("{\"variables\":{\"action\":{\"value\":\"PROPOSE_SOLUTION\"},"),
        new SequenceInputStream(new ByteArrayInputStream(" ".repeat(3 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII)),
            bytes("\"reply\":{\"value\":\"Update to 6.3\"}}}"))));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();
  }

  @Test
  void aChunkedBodyOverTheLimitIsNotReadWholeBeforeCamundaGetsItUnchanged() throws Exception {
    IdentityService identity = mock(IdentityService.class);
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication("web.agent", List.of()));
    CompletionGuard guard = new CompletionGuard(mock(TaskService.class), identity, json, macro -> true);
    long length = 16L * 1024 * 1024;
    MadeUpBody body = new MadeUpBody(length);
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/t1/complete") {
      final ServletInputStream in = new DelegatingServletInputStream(body);

      @Override
      public ServletInputStream getInputStream() {
        return in;
      }
    };
    assertThat(request.getContentLengthLong()).isEqualTo(-1);
    List<Long> readBeforeCamunda = new ArrayList<>();
    CRC32 passedOn = new CRC32();
    long[] passedOnLength = {0};

    guard.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
      readBeforeCamunda.add(body.consumed);
      InputStream in = req.getInputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; passedOnLength[0] += n) {
        passedOn.update(buffer, 0, n);
      }
    });

    assertThat(readBeforeCamunda).hasSize(1);
    assertThat(readBeforeCamunda.get(0)).isLessThanOrEqualTo(CompletionGuard.MAX_CHECKED_BODY + 1L);
    assertThat(passedOnLength[0]).isEqualTo(length);
    assertThat(passedOn.getValue()).isEqualTo(MadeUpBody.crc(length));
  }

  private HttpResponse<String> completeChunked(String user, String task, InputStream body) throws Exception {
    // No length given, so HTTP/1.1 sends the body chunked.
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + task + "/complete"))
        .version(HttpClient.Version.HTTP_1_1).header("Authorization", basic(user)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A body of any length made up as it is read (never held whole), counting how much has been read. */
  private static final class MadeUpBody extends InputStream {
    private final long length;
    long consumed;

    MadeUpBody(long length) {
      this.length = length;
    }

    static long crc(long length) throws IOException {
      CRC32 crc = new CRC32();
      byte[] buffer = new byte[8192];
      try (MadeUpBody all = new MadeUpBody(length)) {
        for (int n; (n = all.read(buffer)) >= 0; ) {
          crc.update(buffer, 0, n);
        }
      }
      return crc.getValue();
    }

    @Override
    public int read() {
      return consumed < length ? (int) (consumed++ % 251) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (consumed >= length) {
        return -1;
      }
      int n = (int) Math.min(len, length - consumed);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) (consumed++ % 251);
      }
      return n;
    }
  }

  private HttpResponse<String> complete(String user, String task, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + task + "/complete"))
        .header("Authorization", basic(user)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String submit() throws Exception {
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tickets"))
        .header("Authorization", basic("portal")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(TicketApi.ticket()))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    return json.readTree(created.body()).get("id").asText();
  }

  private static String basic(String user) {
    return basic(user, "demo");
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
