package ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/**
 * A designer deploys a commitments table that gives ENTERPRISE a first response to a P2 within the business hour,
 * four hours for every other plan: the preview answers it for the plan asked, and tickets get it at triage and on a
 * priority change. Each test deletes the table's deployment afterwards, so the shipped table is the latest again.
 */
@TicketflowTest
class CommitmentsByPlanApiTest {

  /** Monday 2026-11-30 10:00 in Los Angeles. */
  static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T18:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;

  ApiClient client;
  TicketApi api;
  String deployment;

  @BeforeEach
  void deployTheDesignersTable() throws Exception {
    client = new ApiClient(mvc, json);
    api = new TicketApi(mvc, json, tasks);
    try (InputStream table = getClass().getResourceAsStream("/dmn/commitments-enterprise-faster-p2.dmn")) {
      deployment = repository.createDeployment().name("designer: ENTERPRISE faster on P2")
          .addInputStream("commitments.dmn", table).deploy().getId();
    }
  }

  @AfterEach
  void backToTheShippedTable() {
    ClockUtil.reset();
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void thePreviewGivesAnEnterpriseP2AShorterFirstResponseThanAProP2() throws Exception {
    JsonNode enterprise = preview("priority=P2&plan=ENTERPRISE&queue=support-web&channel=WEB");
    JsonNode pro = preview("priority=P2&plan=PRO&queue=support-web&channel=WEB");

    assertThat(Instant.parse(enterprise.get("firstResponseDueAt").asText())).isEqualTo(MONDAY_MORNING.plus(Duration.ofHours(1)));
    assertThat(Instant.parse(pro.get("firstResponseDueAt").asText())).isEqualTo(MONDAY_MORNING.plus(Duration.ofHours(4)));
    assertThat(enterprise.get("resolutionDueAt")).isEqualTo(pro.get("resolutionDueAt"));
    assertThat(enterprise.get("plan").asText()).isEqualTo("ENTERPRISE");
    assertThat(enterprise.get("queue").asText()).isEqualTo("support-web");
    assertThat(enterprise.get("channel").asText()).isEqualTo("WEB");
  }

  @Test
  void anEnterpriseTicketGetsTheShorterFirstResponseAtTriage() throws Exception {
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
    String enterprise = api.submitId(majorDegradation("acme-enterprise"));
    String pro = api.submitId(majorDegradation("acme-pro"));

    assertThat(firstResponseDue(enterprise)).isEqualTo(created(enterprise).plus(Duration.ofHours(1)));
    assertThat(firstResponseDue(pro)).isEqualTo(created(pro).plus(Duration.ofHours(4)));
  }

  @Test
  void anEnterpriseTicketRaisedToP2GetsTheShorterFirstResponse() throws Exception {
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
    String enterprise = api.submitId(TicketApi.ticket("accountId", "acme-enterprise", "requesterEmail", "owner@acme-enterprise.example"));
    assertThat(api.view(enterprise).get("priority").asText()).isEqualTo("P3");

    MvcResult raised = api.perform(post("/api/tickets/" + enterprise + "/priority"), "web.agent",
        Map.of("priority", "P2", "reason", "Their whole sales team is blocked"));

    assertThat(raised.getResponse().getStatus()).as(raised.getResponse().getContentAsString()).isEqualTo(200);
    assertThat(firstResponseDue(enterprise)).isEqualTo(created(enterprise).plus(Duration.ofHours(1)));
  }

  private JsonNode preview(String query) throws Exception {
    return client.ok(client.call(get("/api/commitments?from=" + MONDAY_MORNING + "&" + query), "portal", null), 200);
  }

  private static Map<String, Object> majorDegradation(String account) {
    return TicketApi.ticket("accountId", account, "requesterEmail", "owner@" + account + ".example",
        "impact", "MAJOR_FEATURE_DEGRADED", "workaround", "NONE");
  }

  private Instant firstResponseDue(String ticketId) throws Exception {
    return Instant.parse(api.view(ticketId).at("/sla/firstResponse/dueAt").asText());
  }

  private Instant created(String ticketId) throws Exception {
    return Instant.parse(api.view(ticketId).get("createdAt").asText());
  }
}
