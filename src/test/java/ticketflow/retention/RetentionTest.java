package ticketflow.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;
import ticketflow.database.ClusterOnce;

/** Finished tickets keep their personal data for ticketflow.retention.closed-tickets (P2Y), then lose it, and only they. */
@TicketflowTest
class RetentionTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired RetentionJob retention;
  @Autowired ClusterOnce clusterOnce;

  ApiClient api;
  TicketApi tickets;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
    tickets = new TicketApi(mvc, json, tasks);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theNightlyJobAnonymisesExactlyTheFinishedTicketsPastTheSetting() throws Exception {
    Instant start = Instant.now();
    Requester person = new Requester(tickets, jdbc);
    String early = person.opens();
    tickets.perform(post("/api/tickets/" + early + "/notes"), "web.agent", Map.of("body", "Called " + person.mark));
    tickets.perform(post("/api/tickets/" + early + "/priority"), "web.agent", Map.of("priority", "P2", "reason", person.mark + " waits"));
    tickets.agentCompletes(early, "FirstResponse", "action", "PROPOSE_SOLUTION", "reply", "Dear " + person.mark + ", restart.");
    tickets.customerAnswers(early, true, "Works, " + person.mark);
    String deflected = tickets.submitId(TicketApi.ticket("accountId", "acme-free", "requesterEmail", "owner@acme-free.example",
        "subject", "Self-service for " + person.mark));
    JsonNode earlyBefore = staffView(early);
    int slaEvents = earlyBefore.at("/sla/events").size();
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(365))));
    String later = person.closes();
    String open = person.opens();

    ClockUtil.setCurrentTime(Date.from(start.atOffset(ZoneOffset.UTC).plusYears(2).plusDays(1).toInstant()));
    assertThat(retention.anonymiseExpired()).isGreaterThanOrEqualTo(2);

    JsonNode earlyAfter = staffView(early);
    assertThat(earlyAfter.get("subject").asText()).isEqualTo("(anonymised)");
    assertThat(earlyAfter.get("description").asText()).isEqualTo("(anonymised)");
    assertThat(earlyAfter.get("requesterEmail").asText()).isEqualTo("(anonymised)");
    assertThat(earlyAfter.get("messages").findValuesAsText("body")).isNotEmpty().containsOnly("(anonymised)");
    assertThat(earlyAfter.get("notes").findValuesAsText("body")).containsExactly("(anonymised)");
    assertThat(earlyAfter.get("priorityChanges").findValuesAsText("reason")).containsExactly("(anonymised)");
    for (String kept : new String[] {"id", "status", "priority", "queue", "channel", "requestedChannel", "category", "createdAt"}) {
      assertThat(earlyAfter.get(kept)).as(kept).isEqualTo(earlyBefore.get(kept));
    }
    assertThat(earlyAfter.at("/sla/events").size()).isEqualTo(slaEvents);
    assertThat(jdbc.queryForList("select recipient || subject || body from tf_mail_outbox where ticket_id = ?", String.class, early))
        .isNotEmpty().noneMatch(text -> text.toLowerCase().contains(person.mark));
    assertThat(staffView(deflected).get("subject").asText()).isEqualTo("(anonymised)");
    assertThat(timelineKinds(early)).endsWith("ANONYMISED");
    assertThat(staffView(later).get("subject").asText()).contains(person.mark);
    assertThat(staffView(open).get("subject").asText()).contains(person.mark);

    ClockUtil.setCurrentTime(Date.from(start.atOffset(ZoneOffset.UTC).plusYears(3).plusDays(2).toInstant()));
    retention.anonymiseExpired();

    assertThat(staffView(later).get("requesterEmail").asText()).isEqualTo("(anonymised)");
    assertThat(staffView(open).get("subject").asText()).as("an open ticket keeps its data").contains(person.mark);
    assertThat(timelineKinds(early).stream().filter("ANONYMISED"::equals)).as("anonymised once").hasSize(1);
  }

  @Test
  void oneNodeOfAClusterRunsTheNightlyJob() {
    String job = ApiClient.unique("test-job");
    jdbc.update("insert into tf_scheduled_run (name) values (?)", job);

    assertThat(clusterOnce.claim(job, Duration.ofHours(1))).isTrue();
    assertThat(clusterOnce.claim(job, Duration.ofHours(1))).as("another node woken at the same time").isFalse();
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(2))));
    assertThat(clusterOnce.claim(job, Duration.ofHours(1))).as("the next night").isTrue();
  }

  private JsonNode staffView(String id) throws Exception {
    return api.ok(api.call(get("/api/tickets/" + id), "lead", null), 200);
  }

  private java.util.List<String> timelineKinds(String id) throws Exception {
    return api.ok(api.call(get("/api/tickets/" + id + "/timeline"), "lead", null), 200).findValuesAsText("kind");
  }
}
