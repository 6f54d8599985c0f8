package ticketflow.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ticketflow.ApiClient.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.ApiClient;
import ticketflow.TicketApi;

/**
 * Reading tickets (one, or a page of them) and relaying the customer's messages and feedback: who sees which ticket,
 * and every answer the API gives. Runs on H2 ({@link TicketApiOnH2Test}) and PostgreSQL ({@link TicketApiOnPostgresTest}).
 */
abstract class TicketApiTest {

  private static final String PORTAL = TicketApi.PORTAL;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  ApiClient api;
  TicketApi tickets;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
    tickets = new TicketApi(mvc, json, tasks);
  }

  // --- GET /api/tickets/{id}: reading a ticket -----------------------------------------------------------------------

  @Test
  void theIntakeClientThatSubmittedATicketReadsItWithItsConversation() throws Exception {
    String id = tickets.submitId(TicketApi.ticket());
    tickets.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Which version do you use?");

    JsonNode view = api.ok(api.call(get("/api/tickets/" + id), PORTAL, null), 200);

    assertThat(view.get("id").asText()).isEqualTo(id);
    assertThat(view.get("status").asText()).isEqualTo("WAITING_ON_CUSTOMER");
    assertThat(view.get("messages")).hasSize(1);
    assertThat(view.get("messages").get(0).get("author").asText()).isEqualTo("AGENT");
    assertThat(view.get("messages").get(0).get("body").asText()).isEqualTo("Which version do you use?");
    assertThat(view.get("messages").get(0).get("at").asText()).endsWith("Z");
  }

  @Test
  void aTicketThatDoesNotExistIsNotFound() throws Exception {
    JsonNode problem = api.problem(api.call(get("/api/tickets/TF-999999"), PORTAL, null), 404);

    assertThat(problem.get("detail").asText()).contains("TF-999999");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"abc", "TF-x", "TF-", "tf-1001", "1001", "TF-1234567890123456789"})
  void anIdThatIsNoTicketIdIsRefusedNamingIt(String id) throws Exception {
    JsonNode errors = api.invalid(api.call(get("/api/tickets/" + id), PORTAL, null), "id");

    assertThat(message(errors, "id")).contains("TF-1001");
  }

  @Test
  void anonymousCallersCannotReadATicket() throws Exception {
    String id = tickets.submitId(TicketApi.ticket());

    MvcResult result = api.call(get("/api/tickets/" + id), null, null);

    api.problem(result, 401);
    assertThat(result.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"ticketflow\"");
  }

  @Test
  void anAgentReadsTheTicketsOfItsQueueAndNoOthers() throws Exception {
    JsonNode web = tickets.submit(TicketApi.ticket());
    assertThat(web.get("queue").asText()).isEqualTo("support-web");
    String id = web.get("id").asText();

    assertThat(api.ok(api.call(get("/api/tickets/" + id), "web.agent", null), 200).get("id").asText()).isEqualTo(id);
    // Another queue's ticket answers as if it did not exist.
    JsonNode problem = api.problem(api.call(get("/api/tickets/" + id), "chat.agent", null), 404);
    assertThat(problem.toString()).isEqualTo(api.problem(api.call(get("/api/tickets/TF-999999"), "chat.agent", null), 404)
        .toString().replace("TF-999999", id));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"lead", "manager", ApiClient.ADMIN})
  void leadsManagersAndAdminsReadEveryTicket(String user) throws Exception {
    String web = tickets.submitId(TicketApi.ticket());
    String chat = tickets.submitId(TicketApi.ticket("channel", "CHAT"));

    assertThat(api.ok(api.call(get("/api/tickets/" + web), user, null), 200).get("queue").asText()).isEqualTo("support-web");
    assertThat(api.ok(api.call(get("/api/tickets/" + chat), user, null), 200).get("queue").asText()).isEqualTo("support-chat");
  }

  @Test
  void anIntakeClientDoesNotSeeAnotherClientsTickets() throws Exception {
    String other = ApiClient.newIntakeClient(identity);
    String theirs = api.ok(api.call(post("/api/tickets"), other, TicketApi.ticket()), 201).get("id").asText();
    String ours = tickets.submitId(TicketApi.ticket());

    api.problem(api.call(get("/api/tickets/" + theirs), PORTAL, null), 404);
    api.problem(api.call(get("/api/tickets/" + ours), other, null), 404);
    api.ok(api.call(get("/api/tickets/" + theirs), other, null), 200);
  }

  // --- GET /api/tickets?status=&queue=&priority=&page=&size=: listing tickets ----------------------------------------

  @Test
  void aListingComesInPagesNewestFirstWithPageSizeAndTotal() throws Exception {
    String client = ApiClient.newIntakeClient(identity);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(api.ok(api.call(post("/api/tickets"), client, TicketApi.ticket("subject", "Ticket " + i)), 201).get("id").asText());
    }

    JsonNode first = list(client, "size=2&page=0");
    assertThat(first.get("page").asInt()).isZero();
    assertThat(first.get("size").asInt()).isEqualTo(2);
    assertThat(first.get("total").asLong()).isEqualTo(3);
    assertThat(first.get("items").findValuesAsText("id")).containsExactly(ids.get(2), ids.get(1));

    JsonNode second = list(client, "size=2&page=1");
    assertThat(second.get("page").asInt()).isEqualTo(1);
    assertThat(second.get("total").asLong()).isEqualTo(3);
    assertThat(second.get("items").findValuesAsText("id")).containsExactly(ids.get(0));

    JsonNode beyond = list(client, "size=2&page=5");
    assertThat(beyond.get("items")).isEmpty();
    assertThat(beyond.get("total").asLong()).isEqualTo(3);

    JsonNode defaults = list(client, "");
    assertThat(defaults.get("page").asInt()).isZero();
    assertThat(defaults.get("size").asInt()).isEqualTo(20);
    assertThat(defaults.get("items").get(0).get("subject").asText()).isEqualTo("Ticket 2");
  }

  @Test
  void anIntakeClientListsOnlyTheTicketsItCreated() throws Exception {
    String client = ApiClient.newIntakeClient(identity);
    String portalTicket = tickets.submitId(TicketApi.ticket());
    String own = api.ok(api.call(post("/api/tickets"), client, TicketApi.ticket()), 201).get("id").asText();

    JsonNode page = list(client, "size=200");

    assertThat(page.get("total").asLong()).isEqualTo(1);
    assertThat(page.get("items").findValuesAsText("id")).containsExactly(own);
    assertThat(listed(PORTAL, "", own)).isFalse();
    assertThat(listed(PORTAL, "", portalTicket)).isTrue();
  }

  @Test
  void statusQueueAndPriorityFilterTheListing() throws Exception {
    String client = ApiClient.newIntakeClient(identity);
    JsonNode open = submitAs(client, TicketApi.ticket());
    JsonNode deflected = submitAs(client, TicketApi.ticket("accountId", "acme-free", "requesterEmail", "owner@acme-free.example"));
    JsonNode chat = submitAs(client, TicketApi.ticket("channel", "CHAT", "impact", "SERVICE_DOWN"));
    assertThat(open.get("status").asText()).isEqualTo("OPEN");
    assertThat(open.get("priority").asText()).isEqualTo("P3");
    assertThat(deflected.get("status").asText()).isEqualTo("DEFLECTED");
    assertThat(chat.get("queue").asText()).isEqualTo("support-chat");
    assertThat(chat.get("priority").asText()).isNotEqualTo("P3");

    assertThat(ids(list(client, "status=DEFLECTED"))).containsExactly(deflected.get("id").asText());
    assertThat(ids(list(client, "status=OPEN"))).containsExactlyInAnyOrder(open.get("id").asText(), chat.get("id").asText());
    assertThat(ids(list(client, "queue=support-chat"))).containsExactly(chat.get("id").asText());
    assertThat(ids(list(client, "priority=P3"))).contains(open.get("id").asText()).doesNotContain(chat.get("id").asText());
    assertThat(ids(list(client, "status=OPEN&queue=support-web&priority=P3"))).containsExactly(open.get("id").asText());
    assertThat(list(client, "status=CLOSED").get("total").asLong()).isZero();

    // Across all tickets, for a lead: every item matches the filter, whatever other stories left in the database.
    JsonNode leads = list("lead", "status=OPEN&queue=support-web&priority=P3&size=200");
    leads.get("items").forEach(item -> {
      assertThat(item.get("status").asText()).isEqualTo("OPEN");
      assertThat(item.get("queue").asText()).isEqualTo("support-web");
      assertThat(item.get("priority").asText()).isEqualTo("P3");
    });
    assertThat(listed("lead", "status=OPEN&queue=support-web&priority=P3", open.get("id").asText())).isTrue();
    assertThat(listed("lead", "status=DEFLECTED", open.get("id").asText())).isFalse();
  }

  @Test
  void anAgentListsOnlyTheTicketsOfItsQueues() throws Exception {
    String web = tickets.submitId(TicketApi.ticket());
    String chat = tickets.submitId(TicketApi.ticket("channel", "CHAT"));

    JsonNode page = list("web.agent", "size=200");
    page.get("items").forEach(item -> assertThat(item.get("queue").asText()).isEqualTo("support-web"));
    assertThat(listed("web.agent", "", web)).isTrue();
    assertThat(listed("web.agent", "", chat)).isFalse();
    assertThat(listed("chat.agent", "", chat)).isTrue();
    assertThat(list("chat.agent", "queue=support-web").get("total").asLong()).isZero();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"status, SOLVED, '[DEFLECTED, OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, WITH_ENGINEERING, SOLUTION_PROPOSED, CLOSED]'",
      "status, open, '[DEFLECTED, OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, WITH_ENGINEERING, SOLUTION_PROPOSED, CLOSED]'",
      "priority, P5, '[P1, P2, P3, P4]'",
      "priority, urgent, '[P1, P2, P3, P4]'"})
  void anUnknownStatusOrPriorityIsRefusedListingTheAllowedValues(String parameter, String value, String allowed) throws Exception {
    JsonNode errors = api.invalid(api.call(get("/api/tickets?" + parameter + "=" + value), "lead", null), parameter);

    assertThat(message(errors, parameter)).isEqualTo("must be one of " + allowed);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"size, 0", "size, 201", "size, -1", "size, many", "page, -1", "page, 100001", "page, first"})
  void aPageOrSizeOutOfRangeIsRefusedNamingIt(String parameter, String value) throws Exception {
    api.invalid(api.call(get("/api/tickets?" + parameter + "=" + value), "lead", null), parameter);
  }

  @Test
  void theLargestPageSizeIs200() throws Exception {
    assertThat(api.ok(api.call(get("/api/tickets?size=200"), "lead", null), 200).get("size").asInt()).isEqualTo(200);
  }

  @Test
  void anonymousCallersCannotListTickets() throws Exception {
    MvcResult result = api.call(get("/api/tickets"), null, null);

    api.problem(result, 401);
    assertThat(result.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"ticketflow\"");
  }

  // --- POST /api/tickets/{id}/messages: the customer writes ----------------------------------------------------------

  @Test
  void theCustomersMessageJoinsTheConversation() throws Exception {
    String id = tickets.submitId(TicketApi.ticket());

    MvcResult result = api.call(post("/api/tickets/" + id + "/messages"), PORTAL, Map.of("body", "It happens on Windows too."));

    JsonNode view = api.ok(result, 201);
    assertThat(view.get("id").asText()).isEqualTo(id);
    JsonNode last = view.get("messages").get(view.get("messages").size() - 1);
    assertThat(last.get("author").asText()).isEqualTo("CUSTOMER");
    assertThat(last.get("body").asText()).isEqualTo("It happens on Windows too.");
    assertThat(tickets.view(id).get("messages").findValuesAsText("body")).contains("It happens on Windows too.");
    // The agent's open form shows it too.
    assertThat(shown(tickets.task(id, "FirstResponse").getId(), "conversation"))
        .contains("It happens on Windows too.");
  }

  @Test
  void aMessageOf20000CharactersIsKeptWhole() throws Exception {
    String id = tickets.submitId(TicketApi.ticket());
    String body = "log line\n".repeat(2_222) + "xx";
    assertThat(body).hasSize(20_000);

    api.ok(api.call(post("/api/tickets/" + id + "/messages"), PORTAL, Map.of("body", body)), 201);

    assertThat(tickets.view(id).get("messages").get(0).get("body").asText()).isEqualTo(body);
  }

  @Test
  void aLongMessageIsShownCutInTheAgentsForm() throws Exception {
    String id = tickets.submitId(TicketApi.ticket());
    String body = "Full crash log follows. " + "0123456789".repeat(1_000);

    api.ok(api.call(post("/api/tickets/" + id + "/messages"), PORTAL, Map.of("body", body)), 201);

    String thread = shown(tickets.task(id, "FirstResponse").getId(), "conversation");
    assertThat(thread).contains("CUSTOMER").contains("Full crash log follows.").contains("cut here");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "   ", "\n"})
  void aBlankMessageIsRefused(String blank) throws Exception {
    String id = tickets.submitId(TicketApi.ticket());

    api.invalid(api.call(post("/api/tickets/" + id + "/messages"), PORTAL, Map.of("body", blank)), "body");

    assertThat(tickets.view(id).get("messages")).isEmpty();
  }

  @Test
  void aMessageWithoutABodyIsRefused() throws Exception {
    String id = tickets.submitId(TicketApi.ticket());

    api.invalid(api.call(post("/api/tickets/" + id + "/messages"), PORTAL, Map.of("text", "Hello")), "text");
    api.invalid(api.call(post("/api/tickets/" + id + "/messages"), PORTAL, "{}"), "body");
    api.invalid(api.call(post("/api/tickets/" + id + "/messages"), PORTAL, "{\"body\": "), "body");
  }

  @Test
  void aMessageOver20000CharactersIsRefused() throws Exception {
    String id = tickets.submitId(TicketApi.ticket());

    api.invalid(api.call(post("/api/tickets/" + id + "/messages"), PORTAL, Map.of("body", "x".repeat(20_001))), "body");

    assertThat(tickets.view(id).get("messages")).isEmpty();
  }

  @Test
  void aMessageForATicketThatDoesNotExistIsNotFound() throws Exception {
    api.problem(api.call(post("/api/tickets/TF-999999/messages"), PORTAL, Map.of("body", "Hello?")), 404);
    api.invalid(api.call(post("/api/tickets/abc/messages"), PORTAL, Map.of("body", "Hello?")), "id");
  }

  @Test
  void aDeflectedTicketTakesNoMoreMessages() throws Exception {
    String id = tickets.submitId(TicketApi.ticket("accountId", "acme-free", "requesterEmail", "owner@acme-free.example"));
    assertThat(tickets.view(id).get("status").asText()).isEqualTo("DEFLECTED");
    int before = tickets.view(id).get("messages").size();

    JsonNode problem = api.problem(api.call(post("/api/tickets/" + id + "/messages"), PORTAL, Map.of("body", "Still broken")), 409);

    assertThat(problem.get("detail").asText()).contains("DEFLECTED");
    assertThat(tickets.view(id).get("messages")).hasSize(before);
  }

  @Test
  void aClosedTicketTakesNoMoreMessagesAfterTheReopenWindow() throws Exception {
    String id = closedTicket();
    int before = tickets.view(id).get("messages").size();
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofDays(8))));
    try {
      JsonNode problem = api.problem(api.call(post("/api/tickets/" + id + "/messages"), PORTAL, Map.of("body", "One more thing")), 409);

      assertThat(problem.get("detail").asText()).contains("follow-up ticket");
      assertThat(tickets.view(id).get("messages")).hasSize(before);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void anAgentCannotWriteAsTheCustomer() throws Exception {
    String id = tickets.submitId(TicketApi.ticket());

    api.problem(api.call(post("/api/tickets/" + id + "/messages"), "web.agent", Map.of("body", "I am the customer")), 403);
    api.problem(api.call(post("/api/tickets/" + id + "/messages"), null, Map.of("body", "Anyone?")), 401);

    assertThat(tickets.view(id).get("messages")).isEmpty();
  }

  @Test
  void anotherIntakeClientCannotWriteToATicketItDidNotSubmit() throws Exception {
    String id = tickets.submitId(TicketApi.ticket());
    String other = ApiClient.newIntakeClient(identity);

    api.problem(api.call(post("/api/tickets/" + id + "/messages"), other, Map.of("body", "Hello")), 404);
  }

  // --- POST /api/tickets/{id}/feedback: the customer answers a proposed solution -------------------------------------

  @Test
  void acceptingTheProposedSolutionClosesTheTicket() throws Exception {
    String id = tickets.submitId(TicketApi.ticket());
    completeFirstResponse(id, "PROPOSE_SOLUTION", "Update to 6.3, which fixes recording.");
    assertThat(tickets.view(id).get("status").asText()).isEqualTo("SOLUTION_PROPOSED");

    JsonNode view = api.ok(api.call(post("/api/tickets/" + id + "/feedback"), PORTAL,
        Map.of("accepted", true, "comment", "Works now")), 200);

    assertThat(view.get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("messages").findValuesAsText("author")).containsExactly("AGENT", "CUSTOMER", "SYSTEM");
    assertThat(view.get("messages").get(1).get("body").asText()).contains("Accepted").contains("Works now");
  }

  @Test
  void thereIsNothingToAnswerBeforeASolutionIsProposed() throws Exception {
    String id = tickets.submitId(TicketApi.ticket());

    JsonNode problem = api.problem(api.call(post("/api/tickets/" + id + "/feedback"), PORTAL, Map.of("accepted", true)), 409);

    assertThat(problem.get("detail").asText()).contains("OPEN");
    assertThat(tickets.view(id).get("messages")).isEmpty();
    assertThat(tickets.view(id).get("status").asText()).isEqualTo("OPEN");
  }

  @Test
  void aClosedTicketTakesNoMoreFeedback() throws Exception {
    String id = closedTicket();
    int before = tickets.view(id).get("messages").size();

    api.problem(api.call(post("/api/tickets/" + id + "/feedback"), PORTAL, Map.of("accepted", false)), 409);

    assertThat(tickets.view(id).get("messages")).hasSize(before);
  }

  @Test
  void feedbackWithoutAcceptedIsRefused() throws Exception {
    String id = proposed();

    api.invalid(api.call(post("/api/tickets/" + id + "/feedback"), PORTAL, Map.of("comment", "Hm")), "accepted");
    Map<String, Object> nullAccepted = new HashMap<>();
    nullAccepted.put("accepted", null);
    api.invalid(api.call(post("/api/tickets/" + id + "/feedback"), PORTAL, nullAccepted), "accepted");

    assertThat(tickets.view(id).get("status").asText()).isEqualTo("SOLUTION_PROPOSED");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\"yes\"", "\"maybe\"", "[true]", "{\"value\": true}"})
  void acceptedMustBeTrueOrFalse(String accepted) throws Exception {
    String id = proposed();

    api.invalid(api.call(post("/api/tickets/" + id + "/feedback"), PORTAL, "{\"accepted\": " + accepted + "}"), "accepted");

    assertThat(tickets.view(id).get("status").asText()).isEqualTo("SOLUTION_PROPOSED");
  }

  @Test
  void aCommentOver20000CharactersIsRefused() throws Exception {
    String id = proposed();

    api.invalid(api.call(post("/api/tickets/" + id + "/feedback"), PORTAL, Map.of("accepted", true, "comment", "c".repeat(20_001))),
        "comment");
  }

  @Test
  void onlyTheSubmittingIntakeClientRelaysFeedback() throws Exception {
    String id = proposed();

    api.problem(api.call(post("/api/tickets/" + id + "/feedback"), "web.agent", Map.of("accepted", true)), 403);
    api.problem(api.call(post("/api/tickets/" + id + "/feedback"), ApiClient.newIntakeClient(identity), Map.of("accepted", true)), 404);
    api.problem(api.call(post("/api/tickets/" + id + "/feedback"), null, Map.of("accepted", true)), 401);
    api.problem(api.call(post("/api/tickets/TF-999999/feedback"), PORTAL, Map.of("accepted", true)), 404);

    assertThat(tickets.view(id).get("status").asText()).isEqualTo("SOLUTION_PROPOSED");
  }

  private String proposed() throws Exception {
    String id = tickets.submitId(TicketApi.ticket());
    completeFirstResponse(id, "PROPOSE_SOLUTION", "Restart the client.");
    return id;
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  /** The agent proposes a solution, as Tasklist submits the form, and the customer accepts it. */
  private String closedTicket() throws Exception {
    String id = tickets.submitId(TicketApi.ticket());
    completeFirstResponse(id, "PROPOSE_SOLUTION", "Restart the client.");
    api.ok(api.call(post("/api/tickets/" + id + "/feedback"), PORTAL, Map.of("accepted", true)), 200);
    assertThat(tickets.view(id).get("status").asText()).isEqualTo("CLOSED");
    return id;
  }

  private void completeFirstResponse(String id, String action, String reply) {
    tasks.complete(tickets.task(id, "FirstResponse").getId(), Map.of("action", action, "reply", reply));
  }

  private JsonNode submitAs(String client, Map<String, Object> body) throws Exception {
    return api.ok(api.call(post("/api/tickets"), client, body), 201);
  }

  private JsonNode list(String user, String query) throws Exception {
    return api.ok(api.call(get("/api/tickets?" + query), user, null), 200);
  }

  private static List<String> ids(JsonNode page) {
    return page.get("items").findValuesAsText("id");
  }

  /** Whether the ticket is on any page of the listing the user gets for this query. */
  private boolean listed(String user, String query, String id) throws Exception {
    for (int page = 0; page < 1_000; page++) {
      JsonNode found = list(user, query + (query.isEmpty() ? "" : "&") + "size=200&page=" + page);
      if (ids(found).contains(id)) {
        return true;
      }
      if (found.get("items").size() < 200) {
        return false;
      }
    }
    throw new AssertionError("listing of " + user + " does not end");
  }

  /** A field of the ticket as the task's form shows it (the task's ticket view). */
  private String shown(String taskId, String field) {
    return (String) ((Map<?, ?>) tasks.getVariable(taskId, "ticket")).get(field);
  }
}
