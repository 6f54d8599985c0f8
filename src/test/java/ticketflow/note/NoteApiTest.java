package ticketflow.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/** Internal notes: staff who may read a ticket write them; only staff ever read them, never the customer. */
@TicketflowTest
class NoteApiTest {

  private static final String AGENT = "web.agent";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  ApiClient api;
  TicketApi tickets;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
    tickets = new TicketApi(mvc, json, tasks);
  }

  private JsonNode note(String ticket, String user, String body, int status) throws Exception {
    return api.ok(api.call(post("/api/tickets/" + ticket + "/notes"), user, Map.of("body", body)), status);
  }

  private int notes(String ticket) {
    return jdbc.queryForObject("select count(*) from tf_note where ticket_id = ?", Integer.class, ticket);
  }

  @Test
  void staffWhoMayReadTheTicketWriteNotesAndReadThemNewestFirst() throws Exception {
    String ticket = tickets.submitId(TicketApi.ticket());

    JsonNode answer = note(ticket, AGENT, "Customer is on the old client.", 201);
    assertThat(answer.at("/notes/0/body").asText()).isEqualTo("Customer is on the old client.");
    for (String staff : List.of("lead", "manager", ApiClient.ADMIN)) {
      note(ticket, staff, "Seen by " + staff, 201);
    }

    JsonNode view = api.ok(api.call(get("/api/tickets/" + ticket), AGENT, null), 200);
    assertThat(view.get("notes").findValuesAsText("author")).containsExactly(ApiClient.ADMIN, "manager", "lead", AGENT);
    assertThat(view.at("/notes/3/body").asText()).isEqualTo("Customer is on the old client.");
    assertThat(view.at("/notes/3/source").asText()).isEqualTo("API");
    assertThat(view.at("/notes/3/at").asText()).endsWith("Z");
    assertThat(api.ok(api.call(get("/api/tickets/" + ticket), "lead", null), 200).get("notes")).hasSize(4);
  }

  @Test
  void intakeClientsNeitherWriteNorSeeNotes() throws Exception {
    String ticket = tickets.submitId(TicketApi.ticket());
    note(ticket, AGENT, "Internal: suspected abuse of trial", 201);

    api.problem(api.call(post("/api/tickets/" + ticket + "/notes"), TicketApi.PORTAL, Map.of("body", "From the portal")), 403);
    String portalView = api.call(get("/api/tickets/" + ticket), TicketApi.PORTAL, null).getResponse().getContentAsString();
    String portalList = api.call(get("/api/tickets?size=200"), TicketApi.PORTAL, null).getResponse().getContentAsString();

    assertThat(json.readTree(portalView).get("notes")).isEmpty();
    assertThat(portalView + portalList).doesNotContain("suspected abuse");
    assertThat(notes(ticket)).isOne();
  }

  @Test
  void staffWhoMayNotReadTheTicketGetNotFound() throws Exception {
    String ticket = tickets.submitId(TicketApi.ticket());

    api.problem(api.call(post("/api/tickets/" + ticket + "/notes"), "chat.agent", Map.of("body", "Hi")), 404);
    api.problem(api.call(post("/api/tickets/" + ticket + "/notes"), "engineer", Map.of("body", "Hi")), 404);
    api.problem(api.call(post("/api/tickets/TF-999999/notes"), AGENT, Map.of("body", "Hi")), 404);
    api.problem(api.call(post("/api/tickets/" + ticket + "/notes"), null, Map.of("body", "Hi")), 401);
    assertThat(notes(ticket)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no body | {} | body",
      "blank body | {\"body\": \"  \"} | body",
      "body of wrong type | {\"body\": 42} | body",
      "unknown field | {\"body\": \"Hi\", \"author\": \"lead\"} | author",
      "not json | {body | body"})
  void badInputIsRefusedNamingTheFieldAndWritesNothing(String what, String body, String field) throws Exception {
    String ticket = tickets.submitId(TicketApi.ticket());
    api.invalid(api.call(post("/api/tickets/" + ticket + "/notes"), AGENT, body), field);
    assertThat(notes(ticket)).isZero();
  }

  @Test
  void aTooLongNoteAndABadTicketIdAreRefused() throws Exception {
    String ticket = tickets.submitId(TicketApi.ticket());
    api.invalid(api.call(post("/api/tickets/" + ticket + "/notes"), AGENT, Map.of("body", "n".repeat(20_001))), "body");
    api.invalid(api.call(post("/api/tickets/TF-x/notes"), AGENT, Map.of("body", "Hi")), "id");
    assertThat(notes(ticket)).isZero();
  }

  @Test
  void engineeringWritesNotesOnTicketsHandedToItAndItsFindingsBecomeNotes() throws Exception {
    String ticket = tickets.submitId(TicketApi.ticket());
    tickets.agentCompletes(ticket, "FirstResponse", "action", "ESCALATE_TO_ENGINEERING", "reply", "Our engineers look into it.");

    note(ticket, "engineer", "Reproduced on 5.1", 201);
    tickets.agentCompletes(ticket, "InvestigateIssue", "engineeringNotes", "Fixed in 5.2; the customer should update.");

    JsonNode notes = api.ok(api.call(get("/api/tickets/" + ticket), "engineer", null), 200).get("notes");
    assertThat(notes.at("/0/body").asText()).isEqualTo("Fixed in 5.2; the customer should update.");
    assertThat(notes.at("/0/source").asText()).isEqualTo("ENGINEERING_FINDINGS");
    assertThat(notes.at("/1/body").asText()).isEqualTo("Reproduced on 5.1");
    // The next form shows them, newest first.
    assertThat(shown(tickets.task(ticket, "WorkTicket").getId(), "notes"))
        .containsSubsequence("Fixed in 5.2", "Reproduced on 5.1");
  }

  @Test
  void aNoteWrittenInTheFormIsKeptAndNeverReachesTheCustomer() throws Exception {
    String ticket = tickets.submitId(TicketApi.ticket());
    note(ticket, AGENT, "Do not promise a date (API note)", 201);
    assertThat(shown(tickets.task(ticket, "FirstResponse").getId(), "notes"))
        .contains("Do not promise a date (API note)");

    tickets.agentCompletes(ticket, "FirstResponse", "action", "PROPOSE_SOLUTION", "reply", "Please update to 5.2.",
        "note", "Customer sounded upset (form note)");

    JsonNode view = api.ok(api.call(get("/api/tickets/" + ticket), AGENT, null), 200);
    assertThat(view.at("/notes/0/body").asText()).isEqualTo("Customer sounded upset (form note)");
    assertThat(view.at("/notes/0/source").asText()).isEqualTo("FORM");
    List<Map<String, Object>> mails = jdbc.queryForList("select subject, body from tf_mail_outbox where ticket_id = ?", ticket);
    assertThat(mails).isNotEmpty();
    assertThat(mails.toString()).doesNotContain("form note").doesNotContain("API note");
    assertThat(tickets.view(ticket).toString()).doesNotContain("form note").doesNotContain("API note");
  }

  /** A field of the ticket as the task's form shows it (the task's ticket view). */
  private String shown(String taskId, String field) {
    return (String) ((Map<?, ?>) tasks.getVariable(taskId, "ticket")).get(field);
  }
}
