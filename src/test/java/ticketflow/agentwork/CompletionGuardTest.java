package ticketflow.agentwork;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
