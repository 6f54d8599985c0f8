package ticketflow.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ticketflow.ApiClient.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/** PUT and GET /api/accounts/{id}: administrators keep the account directory; host keys go in and never come out. */
@TicketflowTest
class AccountApiTest {

  private static final String ADMIN = ApiClient.ADMIN;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
  }

  // --- success ----------------------------------------------------------------------------------------------------

  @Test
  void anAdminCreatesAnAccountAndThenReplacesIt() throws Exception {
    String id = ApiClient.unique("globex");
    Map<String, Object> created = account("PRO",
        member("owner@globex.example", "OWNER", "5551234567", "424242"),
        member("seat@globex.example", "LICENSED", null, null));

    JsonNode view = api.ok(api.call(put("/api/accounts/" + id), ADMIN, created), 201);

    assertThat(view.get("id").asText()).isEqualTo(id);
    assertThat(view.get("plan").asText()).isEqualTo("PRO");
    assertThat(view.get("members")).hasSize(2);
    JsonNode read = api.ok(api.call(get("/api/accounts/" + id), ADMIN, null), 200);
    assertThat(read).isEqualTo(view);

    Map<String, Object> replaced = account("ENTERPRISE", member("owner@globex.example", "OWNER", "5551234567", null),
        member("it@globex.example", "ADMIN", null, null));
    JsonNode after = api.ok(api.call(put("/api/accounts/" + id), ADMIN, replaced), 200);

    assertThat(after.get("plan").asText()).isEqualTo("ENTERPRISE");
    assertThat(after.get("members").findValuesAsText("email")).containsExactlyInAnyOrder("owner@globex.example", "it@globex.example");
    assertThat(api.ok(api.call(get("/api/accounts/" + id), ADMIN, null), 200).get("members").findValuesAsText("email"))
        .containsExactlyInAnyOrder("owner@globex.example", "it@globex.example");
  }

  @Test
  void theHostKeyIsWriteOnlyAReadSaysOnlyWhetherOneIsSet() throws Exception {
    String id = ApiClient.unique("initech");
    String written = api.ok(api.call(put("/api/accounts/" + id), ADMIN, account("BUSINESS",
        member("owner@initech.example", "OWNER", "5559876543", "8675309"),
        member("peter@initech.example", "BASIC", null, null))), 201).toString();

    MvcResult result = api.call(get("/api/accounts/" + id), ADMIN, null);

    JsonNode read = api.ok(result, 200);
    for (String body : List.of(written, result.getResponse().getContentAsString())) {
      assertThat(body).doesNotContain("8675309").doesNotContain("pbkdf2").doesNotContain("\"hostKey\"").doesNotContain("hostKeyHash");
    }
    JsonNode owner = memberView(read, "owner@initech.example");
    assertThat(owner.get("hostKeySet").asBoolean()).isTrue();
    assertThat(owner.get("personalMeetingId").asText()).isEqualTo("5559876543");
    assertThat(owner.get("role").asText()).isEqualTo("OWNER");
    assertThat(memberView(read, "peter@initech.example").get("hostKeySet").asBoolean()).isFalse();
    // The demo accounts too.
    String demo = api.call(get("/api/accounts/acme-business"), ADMIN, null).getResponse().getContentAsString();
    assertThat(demo).contains("\"hostKeySet\":true").doesNotContain("200100").doesNotContain("pbkdf2");
  }

  @Test
  void aReplacementWithoutAHostKeyKeepsTheOldOneSoTheCallerStillVerifies() throws Exception {
    String id = ApiClient.unique("umbrella");
    api.ok(api.call(put("/api/accounts/" + id), ADMIN, account("BUSINESS",
        member("owner@umbrella.example", "OWNER", "5550001111", "135790"))), 201);

    // The admin changes the plan and adds a member, without retyping the owner's key.
    JsonNode replaced = api.ok(api.call(put("/api/accounts/" + id), ADMIN, account("ENTERPRISE",
        member("owner@umbrella.example", "OWNER", "5550001111", null),
        member("licensed@umbrella.example", "LICENSED", null, null))), 200);

    assertThat(memberView(replaced, "owner@umbrella.example").get("hostKeySet").asBoolean()).isTrue();
    assertThat(memberView(replaced, "licensed@umbrella.example").get("hostKeySet").asBoolean()).isFalse();
    assertThat(phoneTicket(id, "owner@umbrella.example", "5550001111", "135790").get("channel").asText()).isEqualTo("PHONE");
    assertThat(phoneTicket(id, "owner@umbrella.example", "5550001111", "999999").get("channel").asText()).isNotEqualTo("PHONE");
  }

  @Test
  void aNewHostKeyReplacesTheOldOne() throws Exception {
    String id = ApiClient.unique("hooli");
    api.ok(api.call(put("/api/accounts/" + id), ADMIN, account("API", member("owner@hooli.example", "OWNER", "5552223333", "111111"))), 201);

    api.ok(api.call(put("/api/accounts/" + id), ADMIN, account("API", member("owner@hooli.example", "OWNER", "5552223333", "222222"))), 200);

    assertThat(phoneTicket(id, "owner@hooli.example", "5552223333", "222222").get("channel").asText()).isEqualTo("PHONE");
    JsonNode old = phoneTicket(id, "owner@hooli.example", "5552223333", "111111");
    assertThat(old.get("channel").asText()).isEqualTo("CHAT");
    assertThat(old.get("channelReason").asText()).contains("caller verification failed");
  }

  // --- who may -----------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TicketApi.PORTAL, "web.agent", "lead", "manager"})
  void onlyAdminsReadOrWriteTheDirectory(String user) throws Exception {
    String id = ApiClient.unique("forbidden");

    api.problem(api.call(get("/api/accounts/acme-business"), user, null), 403);
    api.problem(api.call(put("/api/accounts/" + id), user, account("FREE", member("a@forbidden.example", "OWNER", null, null))), 403);

    api.problem(api.call(get("/api/accounts/" + id), ADMIN, null), 404);
  }

  @Test
  void anonymousCallersAreAskedToLogIn() throws Exception {
    for (MvcResult result : List.of(api.call(get("/api/accounts/acme-business"), null, null),
        api.call(put("/api/accounts/acme-business"), null, account("FREE")))) {
      api.problem(result, 401);
      assertThat(result.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"ticketflow\"");
    }
    assertThat(api.ok(api.call(get("/api/accounts/acme-business"), ADMIN, null), 200).get("plan").asText()).isEqualTo("BUSINESS");
  }

  @Test
  void anAccountTheDirectoryDoesNotKnowIsNotFound() throws Exception {
    JsonNode problem = api.problem(api.call(get("/api/accounts/no-such-account"), ADMIN, null), 404);

    assertThat(problem.get("detail").asText()).contains("no-such-account");
  }

  // --- invalid requests ----------------------------------------------------------------------------------------------

  @Test
  void anUnknownPlanIsRefusedListingThePlans() throws Exception {
    String id = ApiClient.unique("invalid");

    JsonNode errors = api.invalid(api.call(put("/api/accounts/" + id), ADMIN, account("GOLD")), "plan");

    assertThat(message(errors, "plan")).isEqualTo("must be one of [FREE, PRO, BUSINESS, EDUCATION, ENTERPRISE, API]");
    assertNotCreated(id);
  }

  @Test
  void anUnknownRoleIsRefusedNamingTheMember() throws Exception {
    String id = ApiClient.unique("invalid");

    JsonNode errors = api.invalid(api.call(put("/api/accounts/" + id), ADMIN, account("PRO",
        member("a@x.example", "OWNER", null, null), member("b@x.example", "SUPERUSER", null, null))), "members[1].role");

    assertThat(message(errors, "members[1].role")).isEqualTo("must be one of [OWNER, ADMIN, LICENSED, BASIC]");
    assertNotCreated(id);
  }

  @ParameterizedTest(name = "email \"{0}\"")
  @ValueSource(strings = {"not-an-email", "owner@", "", " "})
  void anInvalidMemberEmailIsRefused(String email) throws Exception {
    String id = ApiClient.unique("invalid");

    api.invalid(api.call(put("/api/accounts/" + id), ADMIN, account("PRO", member(email, "OWNER", null, null))), "members[0].email");

    assertNotCreated(id);
  }

  @Test
  void aMemberListedTwiceIsRefused() throws Exception {
    String id = ApiClient.unique("invalid");

    JsonNode problem = api.problem(api.call(put("/api/accounts/" + id), ADMIN, account("PRO",
        member("owner@x.example", "OWNER", null, null), member("Owner@X.example", "BASIC", null, null))), 400);

    assertThat(problem.get("detail").asText()).contains("Owner@X.example").contains("twice");
    assertNotCreated(id);
  }

  @Test
  void aMemberListedTwiceIsRefusedNamingTheDuplicate() throws Exception {
    String id = ApiClient.unique("invalid");

    api.invalid(api.call(put("/api/accounts/" + id), ADMIN, account("PRO",
        member("owner@x.example", "OWNER", null, null), member("Owner@X.example", "BASIC", null, null))), "members[1].email");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"12ab56", "host-key", "12345", "12345678901", " 123456"})
  void aHostKeyThatIsNot6To10DigitsIsRefused(String hostKey) throws Exception {
    String id = ApiClient.unique("invalid");

    JsonNode errors = api.invalid(api.call(put("/api/accounts/" + id), ADMIN,
        account("BUSINESS", member("owner@x.example", "OWNER", "5550001111", hostKey))), "members[0].hostKey");

    assertThat(message(errors, "members[0].hostKey")).isEqualTo("must be 6 to 10 digits");
    assertThat(errors.toString()).doesNotContain(hostKey.trim());
    assertNotCreated(id);
  }

  @Test
  void aPersonalMeetingIdThatIsNotDigitsIsRefused() throws Exception {
    String id = ApiClient.unique("invalid");

    api.invalid(api.call(put("/api/accounts/" + id), ADMIN,
        account("BUSINESS", member("owner@x.example", "OWNER", "555-000-111", null))), "members[0].personalMeetingId");
  }

  @Test
  void anAccountWithoutPlanOrMembersIsRefused() throws Exception {
    String id = ApiClient.unique("invalid");

    api.invalid(api.call(put("/api/accounts/" + id), ADMIN, Map.of("members", List.of())), "plan");
    api.invalid(api.call(put("/api/accounts/" + id), ADMIN, Map.of("plan", "PRO")), "members");
    api.invalid(api.call(put("/api/accounts/" + id), ADMIN, "{\"plan\": \"PRO\", \"members\": [null]}"), "members[0]");
    api.invalid(api.call(put("/api/accounts/" + id), ADMIN, "{\"plan\": \"PRO\", "), "body");
    api.invalid(api.call(put("/api/accounts/" + id), ADMIN, Map.of("plan", "PRO", "members", List.of(), "owner", "x")), "owner");
    assertNotCreated(id);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bad id", "-leading-dash", ".hidden", "acme+pro", "acme:pro", "ünïcode"})
  void anAccountIdThatIsNotLettersDigitsDotsDashesOrUnderscoresIsRefused(String id) throws Exception {
    api.invalid(api.call(get("/api/accounts/{id}", id), ADMIN, null), "id");
    api.invalid(api.call(put("/api/accounts/{id}", id), ADMIN, account("PRO")), "id");
  }

  @Test
  void anAccountIdOver64CharactersIsRefused() throws Exception {
    String tooLong = "a".repeat(65);

    api.invalid(api.call(get("/api/accounts/" + tooLong), ADMIN, null), "id");
    api.invalid(api.call(put("/api/accounts/" + tooLong), ADMIN, account("PRO")), "id");
    // 64 is fine.
    String longest = ApiClient.unique("x").concat("a".repeat(54));
    assertThat(longest).hasSize(64);
    api.ok(api.call(put("/api/accounts/" + longest), ADMIN, account("PRO")), 201);
  }

  // --- helpers ------------------------------------------------------------------------------------------------------

  @SafeVarargs
  private static Map<String, Object> account(String plan, Map<String, Object>... members) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("plan", plan);
    body.put("members", List.of(members));
    return body;
  }

  private static Map<String, Object> member(String email, String role, String personalMeetingId, String hostKey) {
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("email", email);
    member.put("role", role);
    if (personalMeetingId != null) {
      member.put("personalMeetingId", personalMeetingId);
    }
    if (hostKey != null) {
      member.put("hostKey", hostKey);
    }
    return member;
  }

  private static JsonNode memberView(JsonNode account, String email) {
    for (JsonNode m : account.get("members")) {
      if (m.get("email").asText().equals(email)) {
        return m;
      }
    }
    throw new AssertionError("no member " + email + " in " + account);
  }

  private JsonNode phoneTicket(String accountId, String email, String personalMeetingId, String hostKey) throws Exception {
    return api.ok(api.call(post("/api/tickets"), TicketApi.PORTAL, TicketApi.ticket("accountId", accountId, "requesterEmail", email,
        "channel", "PHONE", "callerVerification", Map.of("personalMeetingId", personalMeetingId, "hostKey", hostKey))), 201);
  }

  private void assertNotCreated(String id) throws Exception {
    api.problem(api.call(get("/api/accounts/" + id), ADMIN, null), 404);
  }
}
