package ticketflow.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.process.ModelContract.AgentTask;

/**
 * A designer deploys a new lifecycle version and an administrator moves the running tickets to it: tickets in every
 * wait state move with their tasks, timers and clocks, then go on along the new version; a ticket waiting where the new
 * version has nothing is reported blocked and left as it was. Runs on H2 and PostgreSQL; each test deploys the shipped
 * model again afterwards, so the tests after it take in tickets on the shipped lifecycle.
 */
abstract class LifecycleMigrationTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired FormService forms;

  TicketApi tickets;
  ApiClient api;

  @BeforeEach
  void setUp() {
    tickets = new TicketApi(mvc, json, tasks);
    api = new ApiClient(mvc, json);
  }

  @AfterEach
  void shippedLifecycleIsLatestAgain() throws Exception {
    LifecycleVariants.deploy(repository, "shipped again", LifecycleVariants.shipped());
  }

  @Test
  void ticketsInEveryWaitStateMoveToARenamedVersionKeepingTheirTimersAndGoOnAlongIt() throws Exception {
    ProcessDefinition from = latest();
    Map<String, String> waiting = new LinkedHashMap<>();
    waiting.put("first response", tickets.submitId(TicketApi.ticket()));
    waiting.put("work ticket", ticketInWorkTicket());
    waiting.put("awaiting customer", ticketAfter("REPLY_AND_WAIT"));
    waiting.put("awaiting feedback", ticketAfter("PROPOSE_SOLUTION"));
    waiting.put("with engineering", ticketAfter("ESCALATE_TO_ENGINEERING"));
    Task assigned = tickets.task(waiting.get("work ticket"), AgentTask.WORK_TICKET.key());
    tasks.claim(assigned.getId(), "web.agent");
    tasks.addCandidateGroup(assigned.getId(), "support-leads");
    // As a task created before the forms read the ticket view: it gets one when it moves.
    tasks.removeVariableLocal(assigned.getId(), "ticket");
    Map<String, Map<String, Date>> dueBefore = waiting.values().stream()
        .collect(Collectors.toMap(id -> id, id -> timersByMeaning(id, LifecycleVariants.shipped())));
    assertThat(dueBefore.get(waiting.get("first response"))).containsKey("FIRST_RESPONSE AT_RISK");
    assertThat(dueBefore.get(waiting.get("awaiting customer")).values()).as("paused clocks wait at the end of time")
        .allMatch(due -> due.toInstant().getEpochSecond() > 250_000_000_000L);

    BpmnModelInstance renamed = LifecycleVariants.renamed();
    ProcessDefinition to = LifecycleVariants.deploy(repository, "renamed", renamed,
        Map.of("\"components\": [", "\"components\": [{\"id\": \"versionNote\", \"type\": \"text\", \"text\": \"Version 2 form\"},"));

    JsonNode preview = migrate(Map.of("fromVersion", from.getVersion()));
    assertThat(preview.get("toVersion").asInt()).isEqualTo(to.getVersion());
    assertThat(preview.get("dryRun").asBoolean()).isTrue();
    assertThat(preview.has("batchId")).isFalse();
    assertThat(preview.get("migratable").asInt()).isEqualTo(preview.get("tickets").asInt()).isGreaterThanOrEqualTo(5);
    assertThat(preview.get("blocked")).isEmpty();
    assertThat(instance(waiting.get("first response")).getProcessDefinitionId()).as("a preview moves nothing")
        .isEqualTo(from.getId());

    JsonNode started = migrate(Map.of("fromVersion", from.getVersion(), "toVersion", to.getVersion(), "dryRun", false));
    assertThat(started.get("dryRun").asBoolean()).isFalse();
    runBatch(started.get("batchId").asText());

    for (String ticketId : waiting.values()) {
      assertThat(instance(ticketId).getProcessDefinitionId()).as(ticketId).isEqualTo(to.getId());
      assertThat(timersByMeaning(ticketId, renamed)).as("timers of %s keep their due times", ticketId)
          .isEqualTo(dueBefore.get(ticketId));
    }
    Task moved = tickets.task(waiting.get("work ticket"), AgentTask.WORK_TICKET.key());
    assertThat(moved.getAssignee()).isEqualTo("web.agent");
    assertThat(moved.getDueDate()).isEqualTo(assigned.getDueDate());
    assertThat(moved.getPriority()).isEqualTo(assigned.getPriority());
    assertThat(moved.getName()).startsWith("Work the ticket · " + waiting.get("work ticket"));
    assertThat(tasks.getIdentityLinksForTask(moved.getId())).extracting(link -> link.getGroupId())
        .contains("support-web", "support-leads");
    assertThat(tasks.getVariableLocal(moved.getId(), "ticketId")).isEqualTo(waiting.get("work ticket"));
    assertThat(((Map<?, ?>) tasks.getVariableLocal(moved.getId(), "ticket")).get("subject")).isNotNull();
    assertThat(tasks.getVariableLocal(tickets.task(waiting.get("first response"), AgentTask.FIRST_RESPONSE.key()).getId(),
        "ticket")).as("a task's own view moves with it").isNotNull();
    assertThat(new String(forms.getDeployedTaskForm(moved.getId()).readAllBytes(), StandardCharsets.UTF_8))
        .as("the new version's form").contains("Version 2 form");
    assertThat(tickets.task(waiting.get("first response"), AgentTask.FIRST_RESPONSE.key()).getName())
        .startsWith("Answer the customer · ");
    assertThat(versions().get(0).get("openTickets").asLong()).isGreaterThanOrEqualTo(5);

    JsonNode timeline = api.ok(api.call(get("/api/tickets/" + waiting.get("with engineering") + "/timeline"), ApiClient.ADMIN,
        null), 200);
    JsonNode migratedEntry = java.util.stream.StreamSupport.stream(timeline.spliterator(), false)
        .filter(e -> "MIGRATED".equals(e.get("kind").asText())).findFirst().orElseThrow();
    assertThat(migratedEntry.get("actor").asText()).isEqualTo(ApiClient.ADMIN);
    assertThat(migratedEntry.at("/details/fromVersion").asInt()).isEqualTo(from.getVersion());
    assertThat(migratedEntry.at("/details/toVersion").asInt()).isEqualTo(to.getVersion());

    String firstResponse = waiting.get("first response");
    fire(firstResponse, renamed, "FIRST_RESPONSE AT_RISK");
    assertThat(slaEvents(firstResponse, "FIRST_RESPONSE", "AT_RISK")).isEqualTo(1);
    assertThat(timersByMeaning(firstResponse, renamed)).doesNotContainKey("FIRST_RESPONSE AT_RISK");

    tickets.agentCompletes(waiting.get("work ticket"), AgentTask.WORK_TICKET.key(), "action", "PROPOSE_SOLUTION",
        "reply", "Update to 6.3.");
    assertThat(passed(waiting.get("work ticket"))).contains(LifecycleVariants.ADDED_STEP);
    assertThat(activeIn(waiting.get("work ticket"))).contains("AwaitFeedback");
    assertThat(tickets.customerWrites(waiting.get("awaiting customer"), "Version 6.2").getResponse().getStatus()).isEqualTo(201);
    assertThat(tickets.task(waiting.get("awaiting customer"), AgentTask.WORK_TICKET.key()).getName()).startsWith("Work the ticket");
    assertThat(tickets.customerAnswers(waiting.get("awaiting feedback"), true, "Fixed").getResponse().getStatus()).isEqualTo(200);
    assertThat(tickets.view(waiting.get("awaiting feedback")).get("status").asText()).isEqualTo("CLOSED");
    tickets.agentCompletes(waiting.get("with engineering"), AgentTask.INVESTIGATE_ISSUE.key(), "engineeringNotes", "Fixed in 6.3.");
    assertThat(tickets.task(waiting.get("with engineering"), AgentTask.WORK_TICKET.key()).getName()).startsWith("Work the ticket");
  }

  @Test
  void aTicketWaitingWhereTheNewVersionHasNothingIsBlockedAndLeftAsItWas() throws Exception {
    ProcessDefinition from = latest();
    String awaitingFeedback = ticketAfter("PROPOSE_SOLUTION");
    String inFirstResponse = tickets.submitId(TicketApi.ticket());
    Map<String, Date> dueBefore = timersByMeaning(awaitingFeedback, LifecycleVariants.shipped());
    ProcessDefinition to = LifecycleVariants.deploy(repository, "verdict renamed", LifecycleVariants.withoutTheVerdictGateway());

    JsonNode started = migrate(Map.of("fromVersion", from.getVersion(), "dryRun", false));

    JsonNode blocked = started.get("blocked");
    assertThat(blocked.findValuesAsText("ticketId")).contains(awaitingFeedback).doesNotContain(inFirstResponse);
    JsonNode entry = blocked.get(blocked.findValuesAsText("ticketId").indexOf(awaitingFeedback));
    assertThat(entry.get("activity").asText()).isEqualTo("AwaitFeedback");
    assertThat(entry.get("reason").asText()).contains("version " + to.getVersion()).contains("AwaitFeedback");
    assertThat(started.get("migratable").asInt()).isEqualTo(started.get("tickets").asInt() - blocked.size());
    runBatch(started.get("batchId").asText());
    assertThat(instance(inFirstResponse).getProcessDefinitionId()).isEqualTo(to.getId());
    assertThat(instance(awaitingFeedback).getProcessDefinitionId()).isEqualTo(from.getId());
    assertThat(timersByMeaning(awaitingFeedback, LifecycleVariants.shipped())).isEqualTo(dueBefore);
    assertThat(tickets.customerAnswers(awaitingFeedback, true, "Fixed").getResponse().getStatus()).isEqualTo(200);
    assertThat(tickets.view(awaitingFeedback).get("status").asText()).isEqualTo("CLOSED");
  }

  String ticketInWorkTicket() throws Exception {
    String id = ticketAfter("REPLY_AND_WAIT");
    assertThat(tickets.customerWrites(id, "Version 6.2 on Windows").getResponse().getStatus()).isEqualTo(201);
    return id;
  }

  String ticketAfter(String action) throws Exception {
    String id = tickets.submitId(TicketApi.ticket());
    tickets.agentCompletes(id, AgentTask.FIRST_RESPONSE.key(), "action", action, "reply", "We are on it.");
    return id;
  }

  JsonNode migrate(Map<String, Object> body) throws Exception {
    return api.ok(api.call(post("/api/lifecycle/migrations"), ApiClient.ADMIN, body), 200);
  }

  List<JsonNode> versions() throws Exception {
    JsonNode all = api.ok(api.call(get("/api/lifecycle/versions"), ApiClient.ADMIN, null), 200);
    return java.util.stream.StreamSupport.stream(all.spliterator(), false).toList();
  }

  void runBatch(String batchId) {
    BatchRunner.run(management, batchId);
  }

  ProcessInstance instance(String ticketId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).singleResult();
  }

  ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("ticket-lifecycle").latestVersion().singleResult();
  }

  /** The ticket's SLA timers by what they declare ("FIRST_RESPONSE AT_RISK"), with their due dates. */
  Map<String, Date> timersByMeaning(String ticketId, BpmnModelInstance model) {
    Map<String, String> meaningById = LifecycleVariants.timerMeanings(model).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    Map<String, Date> due = new java.util.TreeMap<>();
    management.createJobQuery().processInstanceId(instance(ticketId).getId()).timers().list().forEach(job -> {
      String activity = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
          .getActivityId();
      if (meaningById.containsKey(activity)) {
        due.put(meaningById.get(activity), job.getDuedate());
      }
    });
    return due;
  }

  void fire(String ticketId, BpmnModelInstance model, String meaning) {
    String timerId = LifecycleVariants.timerMeanings(model).get(meaning);
    Job job = management.createJobQuery().processInstanceId(instance(ticketId).getId()).activityId(timerId).singleResult();
    management.executeJob(job.getId());
  }

  long slaEvents(String ticketId, String commitment, String event) throws Exception {
    JsonNode events = api.ok(api.call(get("/api/tickets/" + ticketId), ApiClient.ADMIN, null), 200).at("/sla/events");
    return java.util.stream.StreamSupport.stream(events.spliterator(), false)
        .filter(e -> commitment.equals(e.get("commitment").asText()) && event.equals(e.get("event").asText())).count();
  }

  List<String> passed(String ticketId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance(ticketId).getId()).list().stream()
        .map(a -> a.getActivityId()).toList();
  }

  List<String> activeIn(String ticketId) {
    return runtime.getActiveActivityIds(instance(ticketId).getId());
  }
}
