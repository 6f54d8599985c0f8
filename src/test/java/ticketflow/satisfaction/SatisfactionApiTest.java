package ticketflow.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/**
 * The customer's score: by the intake client that submitted the ticket, or by the closing mail's one-time link without a
 * login; only for a CLOSED ticket, once; every bad input a 400 naming the field; and where the score shows.
 */
@TicketflowTest
class SatisfactionApiTest {

  private static final Pattern LINK = Pattern.compile(
      "https://support\\.example\\.com/satisfaction\\?ticket=(TF-\\d+)&token=([A-Za-z0-9_-]{43})");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theClosingMailsLinkScoresTheTicketOnceWithoutALogin() throws Exception {
    ApiClient client = new ApiClient(mvc, json);
    String id = closedTicket();
    String token = tokenOf(id);
    double countBefore = scrape(client, "ticketflow_satisfaction_score_count{queue=\"support-web\"}");
    double twosBefore = scrape(client, "ticketflow_satisfaction_score_bucket{queue=\"support-web\",le=\"2.0\"}");

    // A bad body is refused before anything is written, and the link stays usable.
    client.invalid(byLink(id, token, "{\"score\": 6}"), "score");
    // Another ticket's path, a wrong token, another method: no login.
    String other = closedTicket();
    client.problem(byLink(other, token, "{\"score\": 3}"), 401);
    client.problem(byLink(id, token.substring(1) + "A", "{\"score\": 3}"), 401);
    client.problem(mvc.perform(get("/api/tickets/" + id).param("token", token)).andReturn(), 401);

    JsonNode scored = client.ok(byLink(id, token, "{\"score\": 2, \"comment\": \"Slow, but it works\"}"), 201);
    assertThat(scored.get("score").asInt()).isEqualTo(2);
    assertThat(scored.get("comment").asText()).isEqualTo("Slow, but it works");
    assertThat(client.problem(byLink(id, token, "{\"score\": 5}"), 401).get("detail").asText()).contains("already used");
    client.problem(client.call(post("/api/tickets/" + id + "/satisfaction"), "portal", Map.of("score", 5)), 409);

    JsonNode view = client.ok(client.call(get("/api/tickets/" + id), "portal", null), 200);
    assertThat(view.at("/satisfaction/score").asInt()).isEqualTo(2);
    assertThat(view.at("/satisfaction/comment").asText()).isEqualTo("Slow, but it works");
    JsonNode timeline = client.ok(client.call(get("/api/tickets/" + id + "/timeline"), "manager", null), 200);
    JsonNode last = timeline.get(timeline.size() - 1);
    assertThat(last.get("kind").asText()).isEqualTo("SATISFACTION");
    assertThat(last.get("actor").asText()).isEqualTo("owner@acme-pro.example");
    assertThat(last.at("/details/score").asInt()).isEqualTo(2);
    assertThat(last.at("/details/via").asText()).isEqualTo("link");
    assertThat(scrape(client, "ticketflow_satisfaction_score_count{queue=\"support-web\"}")).isEqualTo(countBefore + 1);
    assertThat(scrape(client, "ticketflow_satisfaction_score_bucket{queue=\"support-web\",le=\"2.0\"}")).isEqualTo(twosBefore + 1);
    assertThat(jdbc.queryForObject("select count(*) from tf_satisfaction_link where token_hash = ?", Integer.class,
        SatisfactionLinkTokens.hash(token))).as("only the hash is kept").isEqualTo(1);
  }

  @Test
  void theLinkExpiresButTheIntakeClientMayStillScore() throws Exception {
    ApiClient client = new ApiClient(mvc, json);
    String id = closedTicket();
    String token = tokenOf(id);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(14)).plusSeconds(60)));
    assertThat(client.problem(byLink(id, token, "{\"score\": 4}"), 401).get("detail").asText()).contains("expired");
    JsonNode scored = client.ok(client.call(post("/api/tickets/" + id + "/satisfaction"), "portal", Map.of("score", 4)), 201);
    assertThat(scored.get("comment").isNull()).isTrue();
    assertThat(client.ok(client.call(get("/api/tickets/" + id), "portal", null), 200).at("/satisfaction/score").asInt()).isEqualTo(4);
  }

  @Test
  void onlyClosedTicketsOfTheIntakeClientAreScored() throws Exception {
    ApiClient client = new ApiClient(mvc, json);
    TicketApi api = new TicketApi(mvc, json, tasks);
    String open = api.submitId(TicketApi.ticket("subject", "Not yet closed"));
    client.problem(client.call(post("/api/tickets/" + open + "/satisfaction"), "portal", Map.of("score", 5)), 409);
    String deflected = api.submitId(TicketApi.ticket("accountId", "acme-free", "requesterEmail", "owner@acme-free.example"));
    client.problem(client.call(post("/api/tickets/" + deflected + "/satisfaction"), "portal", Map.of("score", 5)), 409);
    String closed = closedTicket();
    client.problem(client.call(post("/api/tickets/" + closed + "/satisfaction"), ApiClient.newIntakeClient(identity),
        Map.of("score", 5)), 404);
    for (String staff : List.of("web.agent", "manager", "admin")) {
      client.problem(client.call(post("/api/tickets/" + closed + "/satisfaction"), staff, Map.of("score", 5)), 403);
    }
    client.problem(client.call(post("/api/tickets/" + closed + "/satisfaction"), null, Map.of("score", 5)), 401);
    client.problem(client.call(post("/api/tickets/TF-999999999/satisfaction"), "portal", Map.of("score", 5)), 404);
    client.invalid(client.call(post("/api/tickets/nope/satisfaction"), "portal", Map.of("score", 5)), "id");
    assertThat(client.ok(client.call(get("/api/tickets/" + closed), "portal", null), 200).get("satisfaction").isNull()).isTrue();
  }

  @Test
  void badScoresAre400NamingTheField() throws Exception {
    ApiClient client = new ApiClient(mvc, json);
    String id = closedTicket();
    for (String body : List.of("{\"score\": 0}", "{\"score\": 6}", "{\"score\": -1}", "{\"score\": \"5\"}", "{\"score\": 4.5}",
        "{\"score\": null}", "{}", "{\"score\": true}")) {
      client.invalid(client.call(post("/api/tickets/" + id + "/satisfaction"), "portal", body), "score");
    }
    client.invalid(client.call(post("/api/tickets/" + id + "/satisfaction"), "portal",
        Map.of("score", 3, "comment", "x".repeat(4001))), "comment");
    client.invalid(client.call(post("/api/tickets/" + id + "/satisfaction"), "portal", "{\"score\": 3, \"comment\": 7}"), "comment");
    client.invalid(client.call(post("/api/tickets/" + id + "/satisfaction"), "portal", "{\"score\": 3, \"stars\": 7}"), "stars");
    assertThat(jdbc.queryForObject("select count(*) from tf_satisfaction where ticket_id = ?", Integer.class, id)).isZero();
  }

  /** A web ticket the agent solved and the customer accepted: CLOSED, with its closing mail in the outbox. */
  private String closedTicket() throws Exception {
    TicketApi api = new TicketApi(mvc, json, tasks);
    String id = api.submitId(TicketApi.ticket("channel", "WEB", "subject", "Scored " + System.nanoTime()));
    api.agentCompletes(id, "FirstResponse", "action", "PROPOSE_SOLUTION", "reply", "Restart the client.");
    assertThat(api.customerAnswers(id, true, "Works").getResponse().getStatus()).isEqualTo(200);
    assertThat(api.view(id).get("status").asText()).isEqualTo("CLOSED");
    return id;
  }

  private String tokenOf(String id) {
    String body = jdbc.queryForObject("select body from tf_mail_outbox where ticket_id = ? and kind = 'CLOSED'", String.class, id);
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).as(body).isTrue();
    assertThat(link.group(1)).isEqualTo(id);
    return link.group(2);
  }

  private MvcResult byLink(String id, String token, String body) throws Exception {
    return mvc.perform(post("/api/tickets/" + id + "/satisfaction").param("token", token)
        .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
  }

  private static double scrape(ApiClient client, String sample) throws Exception {
    for (String line : client.call(get("/actuator/prometheus"), "manager", null).getResponse().getContentAsString().split("\n")) {
      if (line.startsWith(sample + " ")) {
        return Double.parseDouble(line.substring(sample.length() + 1));
      }
    }
    return 0;
  }
}
