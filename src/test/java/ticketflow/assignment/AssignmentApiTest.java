package ticketflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ticketflow.ApiClient.ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.ApiClient;
import ticketflow.TicketflowTest;

/** The contracts of PUT|GET /api/queues/{queue}/assignment and PUT|GET /api/agents/{userId}/availability, errors first. */
@TicketflowTest
class AssignmentApiTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired IdentityService identity;
  @Autowired QueueAssignments assignments;

  ApiClient api;
  String agent;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
    agent = Agents.create(identity, "web-agent", "support-web");
  }

  @AfterEach
  void tearDown() {
    assignments.setMode("support-web", AssignmentMode.MANUAL);
    identity.deleteUser(agent);
  }

  // --- PUT /api/queues/{queue}/assignment ------------------------------------------------------------------------

  @Test
  void anAdministratorSetsAQueuesModeAndReadsItBack() throws Exception {
    JsonNode set = api.ok(api.call(put("/api/queues/support-web/assignment"), ADMIN, Map.of("mode", "LEAST_LOADED")), 200);
    assertThat(set.get("queue").asText()).isEqualTo("support-web");
    assertThat(set.get("mode").asText()).isEqualTo("LEAST_LOADED");

    JsonNode read = api.ok(api.call(get("/api/queues/support-web/assignment"), agent, null), 200);
    assertThat(read.get("mode").asText()).isEqualTo("LEAST_LOADED");
    // Its agents, each with availability (none said so: not available) and the open tasks they hold.
    assertThat(read.get("agents").findValuesAsText("userId")).contains(agent, "web.agent");
    JsonNode me = agentIn(read, agent);
    assertThat(me.get("available").asBoolean()).isFalse();
    assertThat(me.get("openTasks").asLong()).isZero();
  }

  @Test
  void everyQueueIsManualUntilAnAdministratorSaysOtherwise() throws Exception {
    assertThat(api.ok(api.call(get("/api/queues/support-chat/assignment"), "lead", null), 200).get("mode").asText())
        .isEqualTo("MANUAL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"web.agent", "lead", "manager", "portal"})
  void onlyAdministratorsSetTheMode(String user) throws Exception {
    api.problem(api.call(put("/api/queues/support-web/assignment"), user, Map.of("mode", "ROUND_ROBIN")), 403);
    assertThat(assignments.mode("support-web")).isEqualTo(AssignmentMode.MANUAL);
  }

  @Test
  void anUnknownQueueIsNotFound() throws Exception {
    api.problem(api.call(put("/api/queues/support-moon/assignment"), ADMIN, Map.of("mode", "ROUND_ROBIN")), 404);
    api.problem(api.call(get("/api/queues/support-moon/assignment"), ADMIN, null), 404);
  }

  @Test
  void aBadModeIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
    assertThat(api.invalid(api.call(put("/api/queues/support-web/assignment"), ADMIN, Map.of("mode", "FASTEST")), "mode")
        .get(0).get("message").asText()).contains("ROUND_ROBIN");
    api.invalid(api.call(put("/api/queues/support-web/assignment"), ADMIN, "{}"), "mode");
    api.invalid(api.call(put("/api/queues/support-web/assignment"), ADMIN, "{\"mode\": null}"), "mode");
    api.invalid(api.call(put("/api/queues/support-web/assignment"), ADMIN, Map.of("mode", "MANUAL", "queue", "billing")), "queue");
    api.problem(api.call(put("/api/queues/support-web/assignment"), ADMIN, "{\"mode\": "), 400);
    assertThat(assignments.mode("support-web")).isEqualTo(AssignmentMode.MANUAL);
  }

  @Test
  void anotherQueuesAgentsAndIntakeClientsDoNotReadTheMode() throws Exception {
    api.problem(api.call(get("/api/queues/support-web/assignment"), "chat.agent", null), 403);
    api.problem(api.call(get("/api/queues/support-web/assignment"), "portal", null), 403);
    api.problem(api.call(get("/api/queues/support-web/assignment"), null, null), 401);
  }

  // --- PUT /api/agents/{userId}/availability -----------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"self", "lead", ADMIN})
  void theAgentALeadOrAnAdministratorSetsAvailability(String who) throws Exception {
    String caller = "self".equals(who) ? agent : who;
    JsonNode set = api.ok(api.call(put("/api/agents/" + agent + "/availability"), caller, Map.of("available", true)), 200);
    assertThat(set.get("userId").asText()).isEqualTo(agent);
    assertThat(set.get("available").asBoolean()).isTrue();
    assertThat(api.ok(api.call(get("/api/agents/" + agent + "/availability"), caller, null), 200).get("available").asBoolean()).isTrue();

    api.ok(api.call(put("/api/agents/" + agent + "/availability"), caller, Map.of("available", false)), 200);
    assertThat(assignments.isAvailable(agent)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"web.agent", "chat.agent", "manager", "portal"})
  void othersMayNotSetAnAgentsAvailability(String caller) throws Exception {
    api.problem(api.call(put("/api/agents/" + agent + "/availability"), caller, Map.of("available", true)), 403);
    assertThat(assignments.isAvailable(agent)).isFalse();
  }

  @Test
  void anIntakeClientHasNoAvailabilityOfItsOwn() throws Exception {
    api.problem(api.call(put("/api/agents/portal/availability"), "portal", Map.of("available", true)), 403);
    api.problem(api.call(get("/api/agents/portal/availability"), "portal", null), 403);
  }

  @Test
  void managersReadAvailabilityAndOtherAgentsDoNot() throws Exception {
    api.ok(api.call(get("/api/agents/" + agent + "/availability"), "manager", null), 200);
    api.problem(api.call(get("/api/agents/" + agent + "/availability"), "chat.agent", null), 403);
  }

  @Test
  void anUnknownUserIsNotFound() throws Exception {
    api.problem(api.call(put("/api/agents/nobody.here/availability"), ADMIN, Map.of("available", true)), 404);
    api.problem(api.call(put("/api/agents/nobody.here/availability"), "lead", Map.of("available", true)), 404);
    api.problem(api.call(get("/api/agents/nobody.here/availability"), ADMIN, null), 404);
    // An agent asking about someone else hears 403 whether or not that user exists.
    api.problem(api.call(put("/api/agents/nobody.here/availability"), "web.agent", Map.of("available", true)), 403);
  }

  @Test
  void aBadAvailabilityIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
    api.invalid(api.call(put("/api/agents/" + agent + "/availability"), agent, Map.of("available", "yes")), "available");
    api.invalid(api.call(put("/api/agents/" + agent + "/availability"), agent, "{}"), "available");
    api.invalid(api.call(put("/api/agents/" + agent + "/availability"), agent, Map.of("available", true, "queue", "x")), "queue");
    api.problem(api.call(put("/api/agents/" + agent + "/availability"), agent, "true"), 400);
    assertThat(assignments.isAvailable(agent)).isFalse();
  }

  private static JsonNode agentIn(JsonNode view, String userId) {
    for (JsonNode a : view.get("agents")) {
      if (userId.equals(a.get("userId").asText())) {
        return a;
      }
    }
    throw new AssertionError(userId + " not among " + view.get("agents"));
  }
}
