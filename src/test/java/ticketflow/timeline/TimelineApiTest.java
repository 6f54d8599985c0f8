package ticketflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/** A ticket's timeline: every event with its time and actor, oldest first, for staff who may read the ticket. */
@TicketflowTest
class TimelineApiTest {

  private static final String AGENT = "web.agent";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactionManager;

  ApiClient api;
  TicketApi tickets;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
    tickets = new TicketApi(mvc, json, tasks);
  }

  @AfterEach
  void logOut() {
    identity.clearAuthentication();
  }

  private JsonNode timeline(String ticket, String user) throws Exception {
    return api.ok(api.call(get("/api/tickets/" + ticket + "/timeline"), user, null), 200);
  }

  private static List<JsonNode> ofKind(JsonNode timeline, String kind) {
    List<JsonNode> found = new ArrayList<>();
    timeline.forEach(e -> {
      if (kind.equals(e.get("kind").asText())) {
        found.add(e);
      }
    });
    return found;
  }

  @Test
  void aPriorityChangeShowsWithItsActorAndReason() throws Exception {
    String ticket = tickets.submitId(TicketApi.ticket());
    api.ok(api.call(post("/api/tickets/" + ticket + "/priority"), AGENT,
        Map.of("priority", "P1", "reason", "Whole company cannot record")), 200);

    List<JsonNode> changes = ofKind(timeline(ticket, "lead"), "PRIORITY_CHANGED");

    assertThat(changes).hasSize(1);
    JsonNode change = changes.get(0);
    assertThat(change.get("actor").asText()).isEqualTo(AGENT);
    assertThat(change.at("/details/from").asText()).isEqualTo("P3");
    assertThat(change.at("/details/to").asText()).isEqualTo("P1");
    assertThat(change.at("/details/reason").asText()).isEqualTo("Whole company cannot record");
    assertThat(change.get("at").asText()).endsWith("Z");
  }

  @Test
  void theTimelineTellsTheTicketsStoryOldestFirst() throws Exception {
    String ticket = tickets.submitId(TicketApi.ticket());
    api.ok(api.call(post("/api/tickets/" + ticket + "/notes"), AGENT, Map.of("body", "Checking the logs")), 201);
    String task = tickets.task(ticket, "FirstResponse").getId();
    tasks.setAssignee(task, "chat.agent");
    identity.setAuthentication(AGENT, List.of("support-web"));
    tasks.claim(task, null);
    tasks.claim(task, AGENT);
    tasks.complete(task, Map.of("action", "REPLY_AND_WAIT", "reply", "Which version do you use?"));
    identity.clearAuthentication();
    api.ok(api.call(post("/api/tickets/" + ticket + "/messages"), TicketApi.PORTAL, Map.of("body", "Version 5.1")), 201);

    JsonNode timeline = timeline(ticket, AGENT);

    List<String> kinds = timeline.findValuesAsText("kind");
    // Entries at the same instant keep the order of their sources, so only each source's own order is certain.
    assertThat(kinds.get(0)).isEqualTo("SUBMITTED");
    assertThat(kinds).containsSubsequence("CHANNEL_DECIDED", "PRIORITY_DECIDED", "STATUS_CHANGED", "ASSIGNED", "UNASSIGNED",
        "CLAIMED").containsSubsequence("REPLIED", "CUSTOMER_MESSAGE").contains("NOTE_ADDED", "SLA_EVENT");
    List<Instant> times = timeline.findValuesAsText("at").stream().map(Instant::parse).toList();
    assertThat(times).isSorted();

    assertThat(ofKind(timeline, "SUBMITTED").get(0).get("actor").asText()).isEqualTo(TicketApi.PORTAL);
    assertThat(ofKind(timeline, "CHANNEL_DECIDED").get(0).at("/details/channel").asText()).isEqualTo("WEB");
    assertThat(ofKind(timeline, "PRIORITY_DECIDED").get(0).at("/details/priority").asText()).isEqualTo("P3");
    assertThat(ofKind(timeline, "PRIORITY_DECIDED").get(0).at("/details/queue").asText()).isEqualTo("support-web");
    JsonNode assigned = ofKind(timeline, "ASSIGNED").get(0);
    assertThat(assigned.get("actor").asText()).isEqualTo("ticketflow");
    assertThat(assigned.at("/details/assignee").asText()).isEqualTo("chat.agent");
    assertThat(assigned.at("/details/byRule").asBoolean()).isTrue();
    assertThat(assigned.at("/details/task").asText()).isEqualTo("First response");
    JsonNode claimed = ofKind(timeline, "CLAIMED").get(0);
    assertThat(claimed.get("actor").asText()).isEqualTo(AGENT);
    assertThat(claimed.at("/details/assignee").asText()).isEqualTo(AGENT);
    assertThat(ofKind(timeline, "NOTE_ADDED").get(0).get("actor").asText()).isEqualTo(AGENT);
    JsonNode replied = ofKind(timeline, "REPLIED").get(0);
    assertThat(replied.get("actor").asText()).isEqualTo(AGENT);
    assertThat(replied.at("/details/body").asText()).isEqualTo("Which version do you use?");
    assertThat(ofKind(timeline, "CUSTOMER_MESSAGE").get(0).get("actor").asText()).isEqualTo("owner@acme-pro.example");
    assertThat(ofKind(timeline, "STATUS_CHANGED").stream().map(e -> e.at("/details/to").asText()).toList())
        .containsSubsequence("OPEN", "WAITING_ON_CUSTOMER", "IN_PROGRESS");
    assertThat(ofKind(timeline, "STATUS_CHANGED").stream().filter(e -> e.at("/details/to").asText().equals("WAITING_ON_CUSTOMER"))
        .findFirst().orElseThrow().get("actor").asText()).isEqualTo(AGENT);
    assertThat(ofKind(timeline, "SLA_EVENT").stream().map(e -> e.at("/details/commitment").asText() + " "
        + e.at("/details/event").asText()).toList()).contains("FIRST_RESPONSE MET");
  }

  @Test
  void othersWriteToTheTimelineWithAnEventSuchAsAMigration() throws Exception {
    String ticket = tickets.submitId(TicketApi.ticket());

    new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(new TimelineEvent(ticket, TimelineKind.MIGRATED, "admin",
        Map.of("fromVersion", 1, "toVersion", 2))));

    JsonNode migrated = ofKind(timeline(ticket, ApiClient.ADMIN), "MIGRATED").get(0);
    assertThat(migrated.get("actor").asText()).isEqualTo("admin");
    assertThat(migrated.at("/details/toVersion").asInt()).isEqualTo(2);
  }

  @Test
  void onlyStaffWhoMayReadTheTicketSeeItsTimeline() throws Exception {
    String ticket = tickets.submitId(TicketApi.ticket());

    api.problem(api.call(get("/api/tickets/" + ticket + "/timeline"), TicketApi.PORTAL, null), 403);
    api.problem(api.call(get("/api/tickets/" + ticket + "/timeline"), "chat.agent", null), 404);
    api.problem(api.call(get("/api/tickets/" + ticket + "/timeline"), null, null), 401);
    api.problem(api.call(get("/api/tickets/TF-999999/timeline"), AGENT, null), 404);
    api.invalid(api.call(get("/api/tickets/TF-x/timeline"), AGENT, null), "id");
    for (String staff : List.of(AGENT, "lead", "manager", ApiClient.ADMIN)) {
      assertThat(timeline(ticket, staff)).as(staff).isNotEmpty();
    }
  }
}
