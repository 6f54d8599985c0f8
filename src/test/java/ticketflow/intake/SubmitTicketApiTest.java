package ticketflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ticketflow.ApiClient.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.channel.Channel;
import ticketflow.ticket.Category;
import ticketflow.ticket.Impact;
import ticketflow.ticket.Workaround;

/**
 * POST /api/tickets as intake clients use it: a ticket in, a view and a Location out, or a problem naming what is wrong.
 * Runs on H2 ({@link SubmitTicketApiOnH2Test}) and PostgreSQL ({@link SubmitTicketApiOnPostgresTest}).
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class SubmitTicketApiTest {

  private static final String PORTAL = TicketApi.PORTAL;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired LoggingSystem logging;

  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
  }

  // --- success --------------------------------------------------------------------------------------------------

  @Test
  void anIntakeClientSubmitsATicketAndIsToldWhereItLivesWithItsView() throws Exception {
    MvcResult result = submit(PORTAL, TicketApi.ticket());

    JsonNode view = api.ok(result, 201);
    String id = view.get("id").asText();
    assertThat(id).matches("TF-[0-9]+");
    assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/tickets/" + id);
    assertThat(view.get("accountId").asText()).isEqualTo("acme-pro");
    assertThat(view.get("requesterEmail").asText()).isEqualTo("owner@acme-pro.example");
    assertThat(view.get("category").asText()).isEqualTo("TECHNICAL");
    assertThat(view.get("impact").asText()).isEqualTo("FEATURE_ISSUE");
    assertThat(view.get("workaround").asText()).isEqualTo("NONE");
    assertThat(view.get("subject").asText()).isEqualTo("Recording does not start");
    assertThat(view.get("description").asText()).isEqualTo("The record button is greyed out in every meeting.");
    assertThat(view.get("status").asText()).isEqualTo("OPEN");
    assertThat(view.get("priority").asText()).isEqualTo("P3");
    assertThat(view.get("requestedChannel").asText()).isEqualTo("WEB");
    assertThat(view.get("channel").asText()).isEqualTo("WEB");
    assertThat(view.get("channelReason").asText()).isNotBlank();
    assertThat(view.get("queue").asText()).isEqualTo("support-web");
    assertThat(view.get("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    assertThat(view.get("escalationLevel").asInt()).isZero();
    for (String commitment : List.of("firstResponse", "update", "resolution")) {
      assertThat(view.get("sla").get(commitment).get("state").asText())
          .isIn("RUNNING", "PAUSED", "MET", "AT_RISK", "BREACHED", "NONE");
    }
    assertThat(view.get("suggestions")).isEmpty();
    assertThat(view.get("messages")).isEmpty();

    // The Location answers with the same ticket.
    JsonNode again = api.ok(api.call(get(result.getResponse().getHeader("Location")), PORTAL, null), 200);
    assertThat(again.get("id").asText()).isEqualTo(id);
    assertThat(instances(id)).isEqualTo(1);
  }

  @Test
  void aSubjectOf200AndADescriptionOf20000CharactersAreTakenWhole() throws Exception {
    String subject = "S".repeat(200);
    String description = "D".repeat(20_000);

    JsonNode view = api.ok(submit(PORTAL, TicketApi.ticket("subject", subject, "description", description)), 201);

    JsonNode read = api.ok(api.call(get("/api/tickets/" + view.get("id").asText()), PORTAL, null), 200);
    assertThat(read.get("subject").asText()).isEqualTo(subject);
    assertThat(read.get("description").asText()).isEqualTo(description);
  }

  @Test
  void aNumberWhereTheSubjectTextBelongsIsRefusedNamingTheField() throws Exception {
    // JSON types as documented: a client that sends 42 for a text has a bug worth telling it about.
    JsonNode problem = api.problem(submit(PORTAL, TicketApi.ticket("subject", 42)), 400);

    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("subject");
    assertThat(problem.at("/errors/0/message").asText()).isEqualTo("must be a string");
  }

  // --- who may submit -------------------------------------------------------------------------------------------

  @Test
  void withoutCredentialsTheClientIsAskedToLogInWithHttpBasic() throws Exception {
    long before = tickets();

    MvcResult result = api.call(post("/api/tickets"), null, TicketApi.ticket());

    api.problem(result, 401);
    assertThat(result.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"ticketflow\"");
    assertThat(tickets()).isEqualTo(before);
  }

  @Test
  void aWrongPasswordIsAnsweredLikeNoCredentials() throws Exception {
    // A client of its own: the engine delays further logins of a user after a failed one.
    String client = ApiClient.newIntakeClient(identity);
    long before = tickets();

    MvcResult result = api.call(post("/api/tickets"), client, "not-the-password", TicketApi.ticket());

    api.problem(result, 401);
    assertThat(result.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"ticketflow\"");
    assertThat(tickets()).isEqualTo(before);
  }

  @Test
  void anAgentMayNotSubmitTicketsOnlyIntakeClientsAndAdminsMay() throws Exception {
    long before = tickets();

    api.problem(submit("web.agent", TicketApi.ticket()), 403);

    assertThat(tickets()).isEqualTo(before);
    api.ok(submit(ApiClient.ADMIN, TicketApi.ticket()), 201);
  }

  @Test
  void aTicketForAnAccountTheDirectoryDoesNotKnowIsUnprocessable() throws Exception {
    long before = tickets();

    JsonNode problem = api.problem(submit(PORTAL, TicketApi.ticket("accountId", "no-such-account")), 422);

    assertThat(problem.get("detail").asText()).contains("no-such-account");
    assertThat(tickets()).isEqualTo(before);
  }

  // --- malformed or invalid bodies ------------------------------------------------------------------------------

  @Test
  void malformedJsonIsRefusedNamingTheBody() throws Exception {
    api.invalid(submit(PORTAL, "{\"accountId\": \"acme-pro\", "), "body");
  }

  @ParameterizedTest(name = "without {0}")
  @ValueSource(strings = {"accountId", "requesterEmail", "channel", "category", "impact", "workaround", "subject", "description"})
  void aTicketWithoutARequiredFieldIsRefusedNamingIt(String field) throws Exception {
    long before = tickets();
    Map<String, Object> body = TicketApi.ticket();
    body.remove(field);

    api.invalid(submit(PORTAL, body), field);

    assertThat(tickets()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} = null")
  @ValueSource(strings = {"accountId", "requesterEmail", "channel", "category", "impact", "workaround", "subject", "description"})
  void aRequiredFieldSentAsNullIsRefusedNamingIt(String field) throws Exception {
    Map<String, Object> body = TicketApi.ticket();
    body.put(field, null);

    api.invalid(submit(PORTAL, body), field);
  }

  static Stream<Arguments> enumFields() {
    return Stream.of(
        Arguments.of("channel", Channel.class),
        Arguments.of("category", Category.class),
        Arguments.of("impact", Impact.class),
        Arguments.of("workaround", Workaround.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumFields")
  void aValueOutsideAnEnumIsRefusedListingTheAllowedValues(String field, Class<? extends Enum<?>> type) throws Exception {
    JsonNode errors = api.invalid(submit(PORTAL, TicketApi.ticket(field, "FAX")), field);

    String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ", "[", "]"));
    assertThat(message(errors, field)).isEqualTo("must be one of " + allowed);
  }

  @Test
  void aFieldOfTheWrongTypeIsRefusedNamingItAndTheExpectedType() throws Exception {
    JsonNode errors = api.invalid(submit(PORTAL, TicketApi.ticket("subject", Map.of("text", "Recording"))), "subject");
    assertThat(message(errors, "subject")).contains("a string");

    errors = api.invalid(submit(PORTAL, TicketApi.ticket("callerVerification", "5550120000")), "callerVerification");
    assertThat(message(errors, "callerVerification")).isNotBlank();
  }

  @Test
  void aChannelNumberOutsideTheEnumIsRefusedListingTheAllowedValues() throws Exception {
    JsonNode errors = api.invalid(submit(PORTAL, TicketApi.ticket("channel", 42)), "channel");
    assertThat(message(errors, "channel")).isEqualTo("must be one of [SELF_SERVICE, CHATBOT, WEB, CHAT, PHONE]");
  }

  @Test
  void aChannelGivenAsANumberIsRefusedRatherThanReadAsAnOrdinal() throws Exception {
    long before = tickets();

    JsonNode errors = api.invalid(submit(PORTAL, TicketApi.ticket("channel", 4)), "channel");

    assertThat(message(errors, "channel")).isEqualTo("must be one of [SELF_SERVICE, CHATBOT, WEB, CHAT, PHONE]");
    api.invalid(submit(PORTAL, TicketApi.ticket("impact", 0)), "impact");
    assertThat(tickets()).isEqualTo(before);
  }

  @Test
  void aSubjectOver200CharactersIsRefused() throws Exception {
    api.invalid(submit(PORTAL, TicketApi.ticket("subject", "S".repeat(201))), "subject");
  }

  @Test
  void aDescriptionOver20000CharactersIsRefused() throws Exception {
    api.invalid(submit(PORTAL, TicketApi.ticket("description", "D".repeat(20_001))), "description");
  }

  @ParameterizedTest(name = "{0} = \"{1}\"")
  @MethodSource("blankTexts")
  void aBlankSubjectOrDescriptionIsRefused(String field, String blank) throws Exception {
    api.invalid(submit(PORTAL, TicketApi.ticket(field, blank)), field);
  }

  static Stream<Arguments> blankTexts() {
    return Stream.of(Arguments.of("subject", ""), Arguments.of("subject", "   "), Arguments.of("subject", "\n\t"),
        Arguments.of("description", ""), Arguments.of("description", "   "), Arguments.of("description", "\n\t"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"not-an-email", "owner@", "@acme-pro.example", "owner acme-pro.example"})
  void anInvalidRequesterEmailIsRefused(String email) throws Exception {
    api.invalid(submit(PORTAL, TicketApi.ticket("requesterEmail", email)), "requesterEmail");
  }

  @Test
  void aFieldTheApiDoesNotKnowIsRefusedSoAClientCannotChooseItsOwnPriority() throws Exception {
    JsonNode errors = api.invalid(submit(PORTAL, TicketApi.ticket("priority", "P1")), "priority");

    assertThat(message(errors, "priority")).isEqualTo("is not a known field");
  }

  @Test
  void callerVerificationWithAPersonalMeetingIdThatIsNotDigitsIsRefused() throws Exception {
    Map<String, Object> body = TicketApi.ticket("accountId", "acme-business", "requesterEmail", "owner@acme-business.example",
        "channel", "PHONE", "callerVerification", Map.of("personalMeetingId", "555-012-0000", "hostKey", "200100"));

    JsonNode errors = api.invalid(submit(PORTAL, body), "callerVerification.personalMeetingId");

    assertThat(message(errors, "callerVerification.personalMeetingId")).isEqualTo("must be 9 to 11 digits");
  }

  @Test
  void callerVerificationWithoutAHostKeyIsRefused() throws Exception {
    Map<String, Object> body = TicketApi.ticket("channel", "PHONE", "callerVerification", Map.of("personalMeetingId", "5550120000"));

    api.invalid(submit(PORTAL, body), "callerVerification.hostKey");
  }

  @Test
  void everyInvalidFieldIsNamedAtOnce() throws Exception {
    api.invalid(submit(PORTAL, TicketApi.ticket("subject", " ", "requesterEmail", "nobody", "accountId", "")),
        "subject", "requesterEmail", "accountId");
  }

  // --- idempotency ------------------------------------------------------------------------------------------------

  @Test
  void anIdempotencyKeyOver128CharactersIsRefused() throws Exception {
    long before = tickets();

    JsonNode errors = api.invalid(submitWithKey(PORTAL, "k".repeat(129), TicketApi.ticket()), "idempotencyKey");

    assertThat(message(errors, "idempotencyKey")).contains("128");
    assertThat(tickets()).isEqualTo(before);
    api.ok(submitWithKey(PORTAL, ApiClient.unique("k").concat("k".repeat(118)), TicketApi.ticket()), 201);
  }

  @Test
  void aRetryWithTheSameKeyAndBodyGetsTheSameTicketBackAndMakesNoSecond() throws Exception {
    String key = ApiClient.unique("retry");
    MvcResult first = submitWithKey(PORTAL, key, TicketApi.ticket());
    String id = api.ok(first, 201).get("id").asText();
    long after = tickets();

    MvcResult retry = submitWithKey(PORTAL, key, TicketApi.ticket());

    JsonNode view = api.ok(retry, 200);
    assertThat(view.get("id").asText()).isEqualTo(id);
    assertThat(retry.getResponse().getHeader("Location")).isEqualTo("/api/tickets/" + id);
    assertThat(tickets()).isEqualTo(after);
    assertThat(instances(id)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsAConflict() throws Exception {
    String key = ApiClient.unique("conflict");
    String id = api.ok(submitWithKey(PORTAL, key, TicketApi.ticket()), 201).get("id").asText();
    long after = tickets();

    JsonNode problem = api.problem(submitWithKey(PORTAL, key, TicketApi.ticket("subject", "Another problem entirely")), 409);

    assertThat(problem.get("detail").asText()).contains("Idempotency-Key");
    assertThat(tickets()).isEqualTo(after);
    // The original request still replays.
    assertThat(api.ok(submitWithKey(PORTAL, key, TicketApi.ticket()), 200).get("id").asText()).isEqualTo(id);
  }

  @Test
  void differentIntakeClientsUseTheSameKeyIndependently() throws Exception {
    String otherClient = ApiClient.newIntakeClient(identity);
    String key = ApiClient.unique("shared");

    String portalTicket = api.ok(submitWithKey(PORTAL, key, TicketApi.ticket()), 201).get("id").asText();
    String otherTicket = api.ok(submitWithKey(otherClient, key, TicketApi.ticket()), 201).get("id").asText();

    assertThat(otherTicket).isNotEqualTo(portalTicket);
    // Each client's retry finds its own ticket, and another body is a conflict only for that client.
    assertThat(api.ok(submitWithKey(PORTAL, key, TicketApi.ticket()), 200).get("id").asText()).isEqualTo(portalTicket);
    assertThat(api.ok(submitWithKey(otherClient, key, TicketApi.ticket()), 200).get("id").asText()).isEqualTo(otherTicket);
    api.problem(submitWithKey(otherClient, key, TicketApi.ticket("subject", "Changed")), 409);
  }

  // --- secrets --------------------------------------------------------------------------------------------------

  @Test
  void aPhoneCallersHostKeyIsCheckedAndThenForgotten(CapturedOutput output) throws Exception {
    String hostKey = "200100";
    Map<String, Object> body = TicketApi.ticket("accountId", "acme-business", "requesterEmail", "owner@acme-business.example",
        "channel", "PHONE", "callerVerification", Map.of("personalMeetingId", "5550120000", "hostKey", hostKey));

    // Log what Spring MVC reads and writes, and what ticketflow logs, in full while the ticket comes in.
    Map<String, LogLevel> verbose = Map.of("org.springframework.web", LogLevel.TRACE, "ticketflow", LogLevel.TRACE);
    Map<String, LogLevel> previous = new LinkedHashMap<>();
    verbose.forEach((logger, level) -> {
      previous.put(logger, logging.getLoggerConfiguration(logger).getConfiguredLevel());
      logging.setLogLevel(logger, level);
    });
    int logStart = output.getOut().length();
    MvcResult result;
    JsonNode read;
    try {
      result = submit(PORTAL, body);
      read = api.ok(api.call(get("/api/tickets/" + api.read(result).get("id").asText()), PORTAL, null), 200);
    } finally {
      previous.forEach(logging::setLogLevel);
    }

    JsonNode view = api.ok(result, 201);
    String id = view.get("id").asText();
    // The key was used: the caller is verified and served by phone.
    assertThat(view.get("channel").asText()).isEqualTo("PHONE");
    assertThat(view.has("callerVerification")).isFalse();
    assertThat(result.getResponse().getContentAsString()).doesNotContain(hostKey);
    assertThat(read.toString()).doesNotContain(hostKey);

    // ...and then forgotten: no variable of the ticket's instance, running or historic, holds it.
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
    List<String> values = new ArrayList<>();
    runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId()).list()
        .forEach(v -> values.add(v.getName() + "=" + v.getValue()));
    history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .forEach(v -> values.add(v.getName() + "=" + v.getValue()));
    history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list()
        .forEach(d -> values.add(((HistoricVariableUpdate) d).getVariableName() + "=" + ((HistoricVariableUpdate) d).getValue()));
    // Even the outcome (PASSED, shown by the PHONE channel above) was a transient decision input, never stored.
    assertThat(values).isNotEmpty().noneMatch(v -> v.startsWith("callerVerification=")).noneMatch(v -> v.contains(hostKey));

    // ...nor any log line written meanwhile, though the request body itself was logged.
    String logged = output.getOut().substring(logStart) + output.getErr();
    assertThat(logged).contains("5550120000").doesNotContain(hostKey);
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  private MvcResult submit(String client, Object body) throws Exception {
    return api.call(post("/api/tickets"), client, body);
  }

  private MvcResult submitWithKey(String client, String key, Object body) throws Exception {
    return api.call(post("/api/tickets").header("Idempotency-Key", key), client, body);
  }

  private long tickets() {
    return jdbc.queryForObject("select count(*) from tf_ticket", Long.class);
  }

  private long instances(String ticketId) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ticketId).count();
  }
}
