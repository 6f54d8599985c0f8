package ticketflow.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ticketflow.ApiClient.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/** Canned replies: administrators keep them, staff list and render them, agents send them from the task forms. */
@TicketflowTest
class MacroApiTest {

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

  private String macro(String body) throws Exception {
    String id = ApiClient.unique("macro");
    api.ok(api.call(put("/api/macros/" + id), ApiClient.ADMIN, Map.of("title", "Title of " + id, "body", body)), 201);
    return id;
  }

  // --- PUT, DELETE, GET /api/macros -------------------------------------------------------------------------------------

  @Test
  void anAdministratorCreatesAndUpdatesAMacroAndAllStaffListIt() throws Exception {
    String id = ApiClient.unique("greeting");
    JsonNode created = api.ok(api.call(put("/api/macros/" + id), ApiClient.ADMIN,
        Map.of("title", "Greeting", "body", "Hello, we are on {{ticket.id}}.")), 201);
    assertThat(created.get("id").asText()).isEqualTo(id);

    JsonNode updated = api.ok(api.call(put("/api/macros/" + id), ApiClient.ADMIN,
        Map.of("title", "Greeting", "body", "Hello again about {{ ticket.subject }}.")), 200);
    assertThat(updated.get("body").asText()).isEqualTo("Hello again about {{ ticket.subject }}.");

    for (String staff : List.of(AGENT, "engineer", "lead", "manager", ApiClient.ADMIN)) {
      JsonNode all = api.ok(api.call(get("/api/macros"), staff, null), 200);
      assertThat(all.findValuesAsText("id")).as(staff).contains(id);
    }
  }

  @Test
  void intakeClientsDoNotListMacrosAndOnlyAdministratorsChangeThem() throws Exception {
    String id = macro("Hello");
    api.problem(api.call(get("/api/macros"), TicketApi.PORTAL, null), 403);
    api.problem(api.call(get("/api/macros"), null, null), 401);
    for (String user : List.of(AGENT, "lead", "manager", TicketApi.PORTAL)) {
      api.problem(api.call(put("/api/macros/" + id), user, Map.of("title", "Mine", "body", "Changed")), 403);
      api.problem(api.call(delete("/api/macros/" + id), user, null), 403);
    }
    assertThat(jdbc.queryForObject("select body from tf_macro where id = ?", String.class, id)).isEqualTo("Hello");
  }

  @Test
  void anUnknownPlaceholderIsRefusedNamingItAndNothingIsSaved() throws Exception {
    String id = ApiClient.unique("unknown");
    JsonNode errors = api.invalid(api.call(put("/api/macros/" + id), ApiClient.ADMIN,
        Map.of("title", "Bad", "body", "Hello {{requester.email}}, see {{ticket.nope}}")), "body");

    assertThat(message(errors, "body")).startsWith("has unknown placeholder {{ticket.nope}}; known: ")
        .contains("{{requester.email}}");
    assertThat(jdbc.queryForObject("select count(*) from tf_macro where id = ?", Integer.class, id)).isZero();
  }

  @Test
  void aBraceThatOpensNoPlaceholderIsRefused() throws Exception {
    JsonNode errors = api.invalid(api.call(put("/api/macros/" + ApiClient.unique("open")), ApiClient.ADMIN,
        Map.of("title", "Bad", "body", "Hello {{ticket.id")), "body");
    assertThat(message(errors, "body")).contains("{{");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no title | {\"body\": \"Hello\"} | title",
      "blank title | {\"title\": \" \", \"body\": \"Hello\"} | title",
      "no body | {\"title\": \"Hello\"} | body",
      "blank body | {\"title\": \"Hello\", \"body\": \"\"} | body",
      "body of wrong type | {\"title\": \"Hello\", \"body\": 5} | body",
      "unknown field | {\"title\": \"Hello\", \"body\": \"Hi\", \"queue\": \"x\"} | queue",
      "not json | {title | body"})
  void badInputIsRefusedNamingTheField(String what, String body, String field) throws Exception {
    String id = ApiClient.unique("bad");
    api.invalid(api.call(put("/api/macros/" + id), ApiClient.ADMIN, body), field);
    assertThat(jdbc.queryForObject("select count(*) from tf_macro where id = ?", Integer.class, id)).isZero();
  }

  @Test
  void tooLongTitlesAndBodiesAreRefused() throws Exception {
    api.invalid(api.call(put("/api/macros/" + ApiClient.unique("long")), ApiClient.ADMIN,
        Map.of("title", "t".repeat(201), "body", "Hello")), "title");
    api.invalid(api.call(put("/api/macros/" + ApiClient.unique("long")), ApiClient.ADMIN,
        Map.of("title", "Hello", "body", "b".repeat(10_001))), "body");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Upper", "-dash", "with_underscore", "a.b"})
  void anIdThatIsNoMacroIdIsRefusedNamingIt(String id) throws Exception {
    api.invalid(api.call(put("/api/macros/" + id), ApiClient.ADMIN, Map.of("title", "Hello", "body", "Hi")), "id");
    api.invalid(api.call(delete("/api/macros/" + id), ApiClient.ADMIN, null), "id");
  }

  @Test
  void aDeletedMacroIsGoneAndDeletingItAgainIsNotFound() throws Exception {
    String id = macro("Bye");
    String ticket = tickets.submitId(TicketApi.ticket());
    assertThat(api.call(delete("/api/macros/" + id), ApiClient.ADMIN, null).getResponse().getStatus()).isEqualTo(204);

    api.problem(api.call(delete("/api/macros/" + id), ApiClient.ADMIN, null), 404);
    assertThat(api.ok(api.call(get("/api/macros"), AGENT, null), 200).findValuesAsText("id")).doesNotContain(id);
    api.problem(api.call(get("/api/tickets/" + ticket + "/macros/" + id), AGENT, null), 404);
  }

  // --- GET /api/tickets/{id}/macros/{macroId} -------------------------------------------------------------------------

  @Test
  void aMacroIsRenderedForTheTicketItAnswers() throws Exception {
    String id = macro("Hi {{requester.email}}, about {{ticket.id}} ({{ticket.subject}}, {{ticket.priority}}, {{ticket.queue}}):"
        + " first answer due {{commitment.firstResponseDueAt}}. {{agent.id}}");
    String ticket = tickets.submitId(TicketApi.ticket());
    JsonNode view = tickets.view(ticket);

    JsonNode rendered = api.ok(api.call(get("/api/tickets/" + ticket + "/macros/" + id), AGENT, null), 200);

    assertThat(rendered.get("body").asText()).isEqualTo("Hi owner@acme-pro.example, about " + ticket
        + " (Recording does not start, P3, support-web): first answer due " + view.at("/sla/firstResponse/dueAt").asText()
        + ". " + AGENT);
    assertThat(api.ok(api.call(get("/api/tickets/" + ticket + "/macros/" + id), "lead", null), 200).get("body").asText())
        .endsWith(". lead");
  }

  @Test
  void renderingFollowsWhoMayReadTheTicket() throws Exception {
    String id = macro("Hello {{ticket.id}}");
    String ticket = tickets.submitId(TicketApi.ticket());

    api.problem(api.call(get("/api/tickets/" + ticket + "/macros/" + id), TicketApi.PORTAL, null), 403);
    api.problem(api.call(get("/api/tickets/" + ticket + "/macros/" + id), "chat.agent", null), 404);
    api.problem(api.call(get("/api/tickets/" + ticket + "/macros/" + id), "engineer", null), 404);
    api.problem(api.call(get("/api/tickets/TF-999999/macros/" + id), AGENT, null), 404);
    api.problem(api.call(get("/api/tickets/" + ticket + "/macros/no-such-macro"), AGENT, null), 404);
    api.invalid(api.call(get("/api/tickets/TF-x/macros/" + id), AGENT, null), "ticketId");
    api.invalid(api.call(get("/api/tickets/" + ticket + "/macros/Bad_Id"), AGENT, null), "macroId");
  }

  // --- In the task forms ------------------------------------------------------------------------------------------------

  @Test
  void theFormsOfferTheMacrosAsChoices() throws Exception {
    String id = macro("Hello");
    String ticket = tickets.submitId(TicketApi.ticket());

    Object choices = ((Map<?, ?>) tasks.getVariable(tickets.task(ticket, "FirstResponse").getId(), "ticket")).get("cannedReplies");

    JsonNode offered = json.valueToTree(choices);
    assertThat(offered).anySatisfy(choice -> {
      assertThat(choice.get("value").asText()).isEqualTo(id);
      assertThat(choice.get("label").asText()).isEqualTo("Title of " + id);
    });
  }

  @Test
  void aMacroWithoutAReplySendsTheRenderedTextToTheCustomer() throws Exception {
    String id = macro("We are looking into {{ticket.id}} for {{requester.email}}.");
    String ticket = tickets.submitId(TicketApi.ticket());

    tickets.agentCompletes(ticket, "FirstResponse", "action", "REPLY_AND_WAIT", "macro", id, "reply", "");

    String expected = "We are looking into " + ticket + " for owner@acme-pro.example.";
    assertThat(tickets.view(ticket).at("/messages/0/body").asText()).isEqualTo(expected);
    assertThat(jdbc.queryForList("select body from tf_mail_outbox where ticket_id = ?", String.class, ticket))
        .anySatisfy(mail -> assertThat(mail).contains(expected));
  }

  @Test
  void theAgentsOwnReplyWinsOverAMacro() throws Exception {
    String id = macro("Canned text for {{ticket.id}}.");
    String ticket = tickets.submitId(TicketApi.ticket());

    tickets.agentCompletes(ticket, "FirstResponse", "action", "REPLY_AND_WAIT", "macro", id, "reply", "My own words.");

    assertThat(tickets.view(ticket).at("/messages/0/body").asText()).isEqualTo("My own words.");
    assertThat(jdbc.queryForList("select body from tf_mail_outbox where ticket_id = ?", String.class, ticket))
        .noneSatisfy(mail -> assertThat(mail).contains("Canned text"));
  }

  @Test
  void aMacroThatNoLongerExistsIsRefusedAndTheTaskStaysOpen() throws Exception {
    String ticket = tickets.submitId(TicketApi.ticket());

    assertThatThrownBy(() -> tickets.agentCompletes(ticket, "FirstResponse", "action", "REPLY_AND_WAIT", "macro", "gone-macro"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("gone-macro");
    assertThat(tickets.task(ticket, "FirstResponse")).isNotNull();
    assertThat(tickets.view(ticket).get("messages")).isEmpty();
  }
}
