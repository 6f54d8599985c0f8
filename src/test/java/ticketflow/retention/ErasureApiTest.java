package ticketflow.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.ApiClient;
import ticketflow.TicketApi;

/**
 * A requester's erasure: administrators only, every ticket anonymised, nothing of the person left in any table
 * (run on H2 and on PostgreSQL by the subclasses).
 */
abstract class ErasureApiTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  ApiClient api;
  TicketApi tickets;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
    tickets = new TicketApi(mvc, json, tasks);
  }

  @Test
  void erasureLeavesNothingOfTheRequesterInAnyTableAndClosesOpenTickets() throws Exception {
    Requester person = new Requester(tickets, jdbc);
    String closed = person.closes();
    String open = person.opens();
    person.isDiscussed(open);
    tickets.submit(TicketApi.ticket("requesterEmail", person.email.toLowerCase(), "subject", "Again " + person.mark));
    assertThat(Traces.of(dataSource, person.mark)).isNotEmpty();

    JsonNode answer = api.ok(api.call(delete("/api/requesters/" + person.email), ApiClient.ADMIN, null), 200);

    assertThat(answer.get("tickets").asInt()).isEqualTo(3);
    assertThat(Traces.of(dataSource, person.mark)).as("columns still holding the requester's data").isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(open).count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(open).count()).isZero();
    assertThat(management.createJobQuery().processInstanceId(historicInstance(open)).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(open).singleResult().getDeleteReason())
        .isEqualTo("ERASED");
    assertThat(jdbc.queryForObject("select count(*) from tf_account_member where lower(email) = lower(?)", Integer.class,
        person.email)).isZero();

    JsonNode view = api.ok(api.call(get("/api/tickets/" + open), "lead", null), 200);
    assertThat(view.get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("priority").asText()).isEqualTo("P2");
    assertThat(view.get("queue").asText()).isEqualTo("support-web");
    JsonNode timeline = api.ok(api.call(get("/api/tickets/" + open + "/timeline"), "lead", null), 200);
    JsonNode erased = timeline.get(timeline.size() - 1);
    assertThat(erased.get("kind").asText()).isEqualTo("ERASED");
    assertThat(erased.get("actor").asText()).isEqualTo(ApiClient.ADMIN);
    assertThat(erased.at("/details/closedWith").asText()).isEqualTo("ERASED");
    JsonNode closedTimeline = api.ok(api.call(get("/api/tickets/" + closed + "/timeline"), "lead", null), 200);
    assertThat(closedTimeline.toString()).contains("\"ERASED\"").doesNotContain(person.mark);

    // Within the reopen window a message would reopen a closed ticket: an erased one takes none.
    JsonNode refused = api.problem(tickets.customerWrites(open, "Still there? " + person.mark), 409);
    assertThat(refused.get("detail").asText()).contains("anonymised");
    assertThat(Traces.of(dataSource, person.mark)).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(open).count()).isZero();
  }

  @Test
  void aSecondErasureFindsNothingLeftAndAnUnknownAddressIsNotFound() throws Exception {
    Requester person = new Requester(tickets, jdbc);
    person.opens();

    assertThat(api.ok(api.call(delete("/api/requesters/" + person.email), ApiClient.ADMIN, null), 200).get("tickets").asInt())
        .isOne();
    api.problem(api.call(delete("/api/requesters/" + person.email), ApiClient.ADMIN, null), 404);
    api.problem(api.call(delete("/api/requesters/nobody-" + person.mark + "@example.com"), ApiClient.ADMIN, null), 404);
  }

  @Test
  void aMemberWithoutTicketsLeavesTheDirectory() throws Exception {
    Requester person = new Requester(tickets, jdbc);
    assertThat(api.ok(api.call(delete("/api/requesters/" + person.email), ApiClient.ADMIN, null), 200).get("tickets").asInt())
        .isZero();
    assertThat(Traces.of(dataSource, person.mark)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"portal", "web.agent", "lead", "manager", "engineer"})
  void onlyAdministratorsErase(String user) throws Exception {
    Requester person = new Requester(tickets, jdbc);
    String id = person.opens();
    api.problem(api.call(delete("/api/requesters/" + person.email), user, null), 403);
    api.problem(api.call(delete("/api/requesters/" + person.email), null, null), 401);
    assertThat(tickets.view(id).get("requesterEmail").asText()).isEqualTo(person.email);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-an-address", "two@at@example.com", "spa ce@example.com"})
  void aMalformedAddressIsRefusedNamingTheField(String address) throws Exception {
    api.invalid(api.call(delete("/api/requesters/" + address), ApiClient.ADMIN, null), "email");
  }

  private String historicInstance(String ticketId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ticketId).singleResult().getId();
  }
}
