package ticketflow.deflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ticketflow.ApiClient.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
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

/** GET and PUT /api/knowledge-base/articles[/{id}]: admins extend the knowledge base that deflected tickets are answered from. */
@TicketflowTest
class KnowledgeBaseApiTest {

  private static final String ADMIN = ApiClient.ADMIN;
  private static final String ARTICLES = "/api/knowledge-base/articles";
  private static final List<String> SHIPPED = List.of("join-meeting-audio", "video-camera", "connection-quality", "screen-sharing",
      "recording", "install-client", "meeting-security", "reset-password", "account-owner", "billing-invoices", "plans-pricing",
      "report-abuse", "schedule-meeting");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;

  ApiClient api;
  TicketApi tickets;

  @BeforeEach
  void setUp() {
    api = new ApiClient(mvc, json);
    tickets = new TicketApi(mvc, json, tasks);
  }

  // --- success ----------------------------------------------------------------------------------------------------

  @Test
  void anAdminListsTheKnowledgeBaseTicketflowShips() throws Exception {
    JsonNode articles = api.ok(api.call(get(ARTICLES), ADMIN, null), 200);

    assertThat(articles.findValuesAsText("id")).containsAll(SHIPPED);
    articles.forEach(a -> {
      assertThat(a.get("title").asText()).isNotBlank();
      assertThat(a.get("summary").asText()).isNotBlank();
      assertThat(a.get("url").asText()).isNotBlank();
      assertThat(a.get("categories")).isNotEmpty();
      assertThat(a.get("keywords")).isNotEmpty();
    });
  }

  @Test
  void anAdminReadsOneArticle() throws Exception {
    JsonNode article = api.ok(api.call(get(ARTICLES + "/join-meeting-audio"), ADMIN, null), 200);

    assertThat(article.get("id").asText()).isEqualTo("join-meeting-audio");
    assertThat(article.get("title").asText()).isEqualTo("Fix audio in a meeting");
    assertThat(article.get("url").asText()).isEqualTo("/kb/join-meeting-audio");
    assertThat(texts(article.get("keywords"))).contains("audio", "microphone");
  }

  @Test
  void anArticleAnAdminAddsIsSuggestedForADeflectedTicketAboutIt() throws Exception {
    // Ids starting "zz-" rank last among equally good articles, so other stories' suggestions stay as shipped.
    String id = ApiClient.unique("zz-zebrafish");

    MvcResult created = api.call(put(ARTICLES + "/" + id), ADMIN,
        article("Zebrafish plugin", "Reinstall the zebrafish plugin from the marketplace.", "/kb/" + id,
            List.of("TECHNICAL"), List.of("Zebrafish", "aquarium")));

    JsonNode article = api.ok(created, 201);
    assertThat(article.get("id").asText()).isEqualTo(id);
    assertThat(article.get("title").asText()).isEqualTo("Zebrafish plugin");
    assertThat(texts(article.get("keywords"))).containsExactly("zebrafish", "aquarium");
    assertThat(api.ok(api.call(get(ARTICLES + "/" + id), ADMIN, null), 200)).isEqualTo(article);
    assertThat(api.ok(api.call(get(ARTICLES), ADMIN, null), 200).findValuesAsText("id")).contains(id);

    // A FREE account is deflected to the chatbot, which answers from the knowledge base.
    JsonNode ticket = tickets.submit(TicketApi.ticket("accountId", "acme-free", "requesterEmail", "owner@acme-free.example",
        "category", "TECHNICAL", "subject", "Zebrafish plugin gone", "description", "The zebrafish plugin vanished yesterday"));

    assertThat(ticket.get("status").asText()).isEqualTo("DEFLECTED");
    assertThat(ticket.get("suggestions").get(0).get("id").asText()).isEqualTo(id);
    assertThat(ticket.get("suggestions").get(0).get("title").asText()).isEqualTo("Zebrafish plugin");
    assertThat(ticket.get("suggestions").get(0).get("url").asText()).isEqualTo("/kb/" + id);
    assertThat(ticket.get("messages").get(0).get("body").asText()).contains("Zebrafish plugin (/kb/" + id + ")");
  }

  @Test
  void anAdminUpdatesAnArticleAndTicketsAreAnsweredFromTheNewText() throws Exception {
    String id = ApiClient.unique("zz-axolotl");
    api.ok(api.call(put(ARTICLES + "/" + id), ADMIN, article("Axolotl mode", "Turn axolotl mode off.", "/kb/" + id,
        List.of("TECHNICAL"), List.of("axolotl"))), 201);

    JsonNode updated = api.ok(api.call(put(ARTICLES + "/" + id), ADMIN, article("Narwhal mode", "Turn narwhal mode off.",
        "/kb/narwhal", List.of("ACCOUNT"), List.of("narwhal"))), 200);

    assertThat(updated.get("title").asText()).isEqualTo("Narwhal mode");
    JsonNode read = api.ok(api.call(get(ARTICLES + "/" + id), ADMIN, null), 200);
    assertThat(read).isEqualTo(updated);
    assertThat(read.get("summary").asText()).isEqualTo("Turn narwhal mode off.");
    assertThat(read.get("url").asText()).isEqualTo("/kb/narwhal");
    assertThat(texts(read.get("categories"))).hasSize(1);
    assertThat(texts(read.get("keywords"))).containsExactly("narwhal");

    // Now an account question about narwhals gets it first, a technical one about axolotls no longer at all.
    JsonNode narwhal = tickets.submit(freeTicket("ACCOUNT", "Narwhal mode stuck", "My narwhal setting keeps coming back"));
    assertThat(narwhal.get("suggestions").get(0).get("id").asText()).isEqualTo(id);
    JsonNode axolotl = tickets.submit(freeTicket("TECHNICAL", "Axolotl mode stuck", "My axolotl setting keeps coming back"));
    assertThat(axolotl.get("suggestions").findValuesAsText("id")).doesNotContain(id);
  }

  @Test
  void anArticleReadFromTheApiCanBeWrittenBackUnchanged() throws Exception {
    JsonNode shipped = api.ok(api.call(get(ARTICLES + "/meeting-security"), ADMIN, null), 200);

    MvcResult result = api.call(put(ARTICLES + "/meeting-security"), ADMIN, article(shipped.get("title").asText(),
        shipped.get("summary").asText(), shipped.get("url").asText(), texts(shipped.get("categories")), texts(shipped.get("keywords"))));

    assertThat(api.ok(result, 200)).isEqualTo(shipped);
    assertThat(texts(shipped.get("categories"))).containsExactlyInAnyOrder("TECHNICAL", "ABUSE_REPORT");
  }

  // --- invalid requests -----------------------------------------------------------------------------------------------

  @Test
  void anUnknownCategoryIsRefused() throws Exception {
    String id = ApiClient.unique("invalid");

    JsonNode errors = api.invalid(api.call(put(ARTICLES + "/" + id), ADMIN, valid("categories", List.of("TECHNICAL", "HARDWARE"))),
        "categories[1]");

    assertThat(message(errors, "categories[1]")).isEqualTo("must be * or a ticket category");
    assertNotCreated(id);
  }

  @Test
  void anArticleForNoCategoryOrWithoutKeywordsIsRefused() throws Exception {
    String id = ApiClient.unique("invalid");

    api.invalid(api.call(put(ARTICLES + "/" + id), ADMIN, valid("categories", List.of())), "categories");
    api.invalid(api.call(put(ARTICLES + "/" + id), ADMIN, valid("keywords", List.of())), "keywords");
    api.invalid(api.call(put(ARTICLES + "/" + id), ADMIN, valid("keywords", List.of("two words"))), "keywords[0]");
    api.invalid(api.call(put(ARTICLES + "/" + id), ADMIN, valid("keywords", List.of("ab"))), "keywords[0]");
    assertNotCreated(id);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"title", "summary", "url"})
  void anArticleWithABlankOrMissingTextIsRefusedNamingIt(String field) throws Exception {
    String id = ApiClient.unique("invalid");

    api.invalid(api.call(put(ARTICLES + "/" + id), ADMIN, valid(field, "   ")), field);
    Map<String, Object> without = valid(field, null);
    without.remove(field);
    api.invalid(api.call(put(ARTICLES + "/" + id), ADMIN, without), field);
    assertNotCreated(id);
  }

  @Test
  void aTitleOver200CharactersIsRefused() throws Exception {
    String id = ApiClient.unique("invalid");

    api.invalid(api.call(put(ARTICLES + "/" + id), ADMIN, valid("title", "T".repeat(201))), "title");
  }

  @Test
  void anUnknownFieldOrMalformedJsonIsRefused() throws Exception {
    String id = ApiClient.unique("invalid");

    api.invalid(api.call(put(ARTICLES + "/" + id), ADMIN, valid("priority", 1)), "priority");
    api.invalid(api.call(put(ARTICLES + "/" + id), ADMIN, "{\"title\": "), "body");
    assertNotCreated(id);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Bad-Id", "bad_id", "-leading-dash", "bad.id"})
  void anArticleIdThatIsNotLowercaseLettersDigitsAndDashesIsRefused(String id) throws Exception {
    JsonNode errors = api.invalid(api.call(get(ARTICLES + "/" + id), ADMIN, null), "id");
    assertThat(message(errors, "id")).isEqualTo("must be lowercase letters, digits and '-'");

    api.invalid(api.call(put(ARTICLES + "/" + id), ADMIN, valid("title", "Fine")), "id");
  }

  @Test
  void anArticleIdOver64CharactersIsRefused() throws Exception {
    String tooLong = "a".repeat(65);

    api.invalid(api.call(get(ARTICLES + "/" + tooLong), ADMIN, null), "id");
    api.invalid(api.call(put(ARTICLES + "/" + tooLong), ADMIN, valid("title", "Fine")), "id");
  }

  @Test
  void anArticleThatDoesNotExistIsNotFound() throws Exception {
    JsonNode problem = api.problem(api.call(get(ARTICLES + "/no-such-article"), ADMIN, null), 404);

    assertThat(problem.get("detail").asText()).contains("no-such-article");
  }

  // --- who may -----------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {TicketApi.PORTAL, "web.agent", "lead", "manager"})
  void onlyAdminsReadOrExtendTheKnowledgeBase(String user) throws Exception {
    String id = ApiClient.unique("forbidden");

    api.problem(api.call(get(ARTICLES), user, null), 403);
    api.problem(api.call(get(ARTICLES + "/recording"), user, null), 403);
    api.problem(api.call(put(ARTICLES + "/" + id), user, valid("title", "Mine")), 403);

    assertNotCreated(id);
  }

  @Test
  void anonymousCallersAreAskedToLogIn() throws Exception {
    for (MvcResult result : List.of(api.call(get(ARTICLES), null, null), api.call(get(ARTICLES + "/recording"), null, null),
        api.call(put(ARTICLES + "/recording"), null, valid("title", "Hijacked")))) {
      api.problem(result, 401);
      assertThat(result.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"ticketflow\"");
    }
    assertThat(api.ok(api.call(get(ARTICLES + "/recording"), ADMIN, null), 200).get("title").asText()).isEqualTo("Record a meeting");
  }

  // --- helpers ------------------------------------------------------------------------------------------------------

  private static Map<String, Object> article(String title, String summary, String url, List<String> categories, List<String> keywords) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("summary", summary);
    body.put("url", url);
    body.put("categories", categories);
    body.put("keywords", keywords);
    return body;
  }

  /** A valid article with one field changed. */
  private static Map<String, Object> valid(String field, Object value) {
    Map<String, Object> body = article("Quokka mode", "Turn quokka mode off.", "/kb/quokka", List.of("TECHNICAL"), List.of("quokka"));
    body.put(field, value);
    return body;
  }

  private static Map<String, Object> freeTicket(String category, String subject, String description) {
    return TicketApi.ticket("accountId", "acme-free", "requesterEmail", "owner@acme-free.example", "category", category,
        "subject", subject, "description", description);
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new java.util.ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private void assertNotCreated(String id) throws Exception {
    api.problem(api.call(get(ARTICLES + "/" + id), ADMIN, null), 404);
  }
}
