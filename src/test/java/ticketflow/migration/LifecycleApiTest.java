package ticketflow.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/** The lifecycle API's contract: who may call it, and every request it refuses. */
@TicketflowTest
class LifecycleApiTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  TicketApi tickets;
  ApiClient api;

  @BeforeEach
  void setUp() {
    tickets = new TicketApi(mvc, json, tasks);
    api = new ApiClient(mvc, json);
  }

  /** Tests here deploy new versions; the tests after them take in tickets on the shipped lifecycle again. */
  @AfterEach
  void shippedLifecycleIsLatestAgain() throws Exception {
    LifecycleVariants.deploy(repository, "shipped again", LifecycleVariants.shipped());
  }

  @Test
  void versionsAreListedNewestFirstWithTheirOpenTicketsAndTheLatestMarked() throws Exception {
    String open = tickets.submitId(TicketApi.ticket());
    ProcessDefinition running = latest();
    ProcessDefinition next = LifecycleVariants.deploy(repository, "renamed", LifecycleVariants.renamed());

    JsonNode versions = api.ok(api.call(get("/api/lifecycle/versions"), ApiClient.ADMIN, null), 200);

    assertThat(versions.get(0).get("version").asInt()).isEqualTo(next.getVersion());
    assertThat(versions.get(0).get("latest").asBoolean()).isTrue();
    assertThat(versions.get(0).get("openTickets").asLong()).isZero();
    assertThat(Instant.parse(versions.get(0).get("deployedAt").asText())).isBefore(Instant.now().plusSeconds(1));
    JsonNode previous = versions.get(1);
    assertThat(previous.get("version").asInt()).isEqualTo(running.getVersion());
    assertThat(previous.get("latest").asBoolean()).isFalse();
    assertThat(previous.get("openTickets").asLong()).isEqualTo(
        runtime.createProcessInstanceQuery().processDefinitionId(running.getId()).count()).isPositive();
    assertThat(versions.findValuesAsText("latest")).containsOnlyOnce("true");
    assertThat(instance(open).getProcessDefinitionId()).isEqualTo(running.getId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"web.agent", "engineer", "lead", "manager", "portal"})
  void onlyAdministratorsSeeOrMigrateVersions(String user) throws Exception {
    api.problem(api.call(get("/api/lifecycle/versions"), user, null), 403);
    api.problem(api.call(post("/api/lifecycle/migrations"), user, Map.of("fromVersion", 1)), 403);
  }

  @Test
  void withoutLoginTheAnswerIs401() throws Exception {
    api.problem(api.call(get("/api/lifecycle/versions"), null, null), 401);
    api.problem(api.call(post("/api/lifecycle/migrations"), null, Map.of("fromVersion", 1)), 401);
  }

  @Test
  void aMigrationNeedsTwoDeployedVersionsThatDiffer() throws Exception {
    int latest = latest().getVersion();
    api.invalid(migration(Map.of()), "fromVersion");
    api.invalid(migration(Map.of("toVersion", latest)), "fromVersion");
    api.invalid(migration(Map.of("fromVersion", 9999)), "fromVersion");
    api.invalid(migration(Map.of("fromVersion", latest, "toVersion", 9999)), "toVersion");
    api.invalid(migration(Map.of("fromVersion", latest, "toVersion", latest)), "toVersion");
    api.invalid(migration(Map.of("fromVersion", latest)), "toVersion");
    api.invalid(migration(Map.of("fromVersion", 0)), "fromVersion");
    api.invalid(migration(Map.of("fromVersion", -1)), "fromVersion");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"fromVersion\": \"1\"}", "{\"fromVersion\": 1.5}", "{\"fromVersion\": true}",
      "{\"fromVersion\": [1]}", "{\"fromVersion\": 1, \"toVersion\": \"latest\"}", "{\"fromVersion\": 1, \"dryRun\": \"no\"}",
      "{\"fromVersion\": 1, \"dryRun\": 0}", "{\"fromVersion\": 99999999999}"})
  void wrongTypesAreRefusedNamingTheField(String body) throws Exception {
    String field = body.contains("dryRun") ? "dryRun" : body.contains("toVersion") ? "toVersion" : "fromVersion";
    api.invalid(migration(body), field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "[]", "{\"fromVersion\": 1} {}", "{\"fromVersion\": 1, \"fromVersion\": 2}",
      "{\"fromVersion\": 1, \"everything\": true}"})
  void malformedBodiesAreRefused(String body) throws Exception {
    api.problem(migration(body), 400);
  }

  @Test
  void aSecondMigrationFromAVersionWhileTheFirstRunsIsAConflict() throws Exception {
    tickets.submitId(TicketApi.ticket());
    ProcessDefinition from = latest();
    LifecycleVariants.deploy(repository, "renamed", LifecycleVariants.renamed());
    JsonNode started = api.ok(migration(Map.of("fromVersion", from.getVersion(), "dryRun", false)), 200);

    JsonNode conflict = api.problem(migration(Map.of("fromVersion", from.getVersion(), "dryRun", false)), 409);
    assertThat(conflict.get("detail").asText()).contains("version " + from.getVersion()).contains("running");
    api.problem(migration(Map.of("fromVersion", from.getVersion())), 409);

    BatchRunner.run(management, started.get("batchId").asText());
    JsonNode after = api.ok(migration(Map.of("fromVersion", from.getVersion(), "dryRun", false)), 200);
    assertThat(after.get("tickets").asInt()).isZero();
    assertThat(after.has("batchId")).as("nothing left to move, no batch").isFalse();
  }

  ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("ticket-lifecycle").latestVersion().singleResult();
  }

  ProcessInstance instance(String ticketId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).singleResult();
  }

  MvcResult migration(Object body) throws Exception {
    MockHttpServletRequestBuilder request = post("/api/lifecycle/migrations");
    if (body instanceof String text) {
      request.contentType("application/json").content(text);
      return api.call(request, ApiClient.ADMIN, null);
    }
    return api.call(request, ApiClient.ADMIN, body);
  }
}
