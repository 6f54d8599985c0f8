package ticketflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.ApiClient;
import ticketflow.TicketApi;

/**
 * The SLA report and the board over a seeded set of tickets ({@link SlaSeed}); errors, authorization and the
 * Cockpit-session login. The context is shared: the seed is planted in a month of its own, so the first-response
 * figures of the windows around it are the seed's alone, and the open, breached and at-risk tickets are the seed's
 * on top of what the board showed before it.
 * Run on H2 and on PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SlaReportApiTest {

  /** Tuesday 2031-06-03 12:00 UTC: no other test's tickets are created within 30 days of it. */
  static final Instant NOW = Instant.parse("2031-06-03T12:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  ApiClient client;
  SlaSeed seed;
  /** The board and the report as other tests left them, just before the seed. */
  JsonNode before;
  JsonNode reportBefore;

  /** Once, before the first test (not in @BeforeAll: the process-coverage run starts with the first test). */
  @BeforeEach
  void seed() throws Exception {
    client = new ApiClient(mvc, json);
    if (seed == null) {
      ClockUtil.setCurrentTime(Date.from(NOW));
      before = client.ok(client.call(get("/api/reports/sla/board"), "manager", null), 200);
      reportBefore = client.ok(client.call(get("/api/reports/sla"), "manager", null), 200);
      seed = SlaSeed.plant(new TicketApi(mvc, json, tasks), runtime, management, jdbc, NOW);
    }
  }

  @AfterEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  /**
   * Leaves the shared engine as the next tests expect it: today's clock, and the manager not locked out until 2031 by
   * the wrong password below (a failed login locks the user until the engine's clock, without delay here).
   */
  @AfterAll
  void leaveTheEngineAsFound() {
    identity.unlockUser("manager");
    ClockUtil.reset();
  }

  @Test
  void theBoardShowsTheSeededTickets() throws Exception {
    JsonNode board = client.ok(client.call(get("/api/reports/sla/board"), "manager", null), 200);
    assertThat(board.get("generatedAt").asText()).isEqualTo("2031-06-03T12:00:00Z");
    assertThat(board.at("/openTickets/total").asLong()).isEqualTo(openBefore() + 4);
    assertThat(added(open(before), open(board))).isEqualTo(Map.of("P1:OPEN", 2L, "P1:WAITING_ON_CUSTOMER", 1L, "P3:IN_PROGRESS", 1L));
    assertThat(new ArrayList<>(open(board).keySet())).as("by priority, then status").isSorted();

    assertThat(board.get("breached")).hasSize(before.get("breached").size() + 2);
    assertThat(ofSeed(board.get("breached"))).hasSize(2);
    assertThat(ofSeed(board.get("breached"))).anySatisfy(b -> {
      assertThat(b.get("ticketId").asText()).isEqualTo(seed.billingBreached());
      assertThat(b.get("commitment").asText()).isEqualTo("RESOLUTION");
      assertThat(b.get("queue").asText()).isEqualTo("billing");
      assertThat(b.get("processInstanceId").isNull()).as("a row without a process").isTrue();
    });
    JsonNode breached = ofSeed(board.get("breached")).stream().filter(b -> b.get("ticketId").asText().equals(seed.breached()))
        .findFirst().orElseThrow();
    assertThat(breached.get("ticketId").asText()).isEqualTo(seed.breached());
    assertThat(breached.get("priority").asText()).isEqualTo("P1");
    assertThat(breached.get("queue").asText()).isEqualTo("support-chat");
    assertThat(breached.get("commitment").asText()).isEqualTo("FIRST_RESPONSE");
    assertThat(breached.get("dueAt").asText()).isEqualTo("2031-06-03T10:00:00Z");
    assertThat(breached.get("secondsToDue").asLong()).isEqualTo(-Duration.ofHours(2).toSeconds());
    assertThat(breached.get("processInstanceId").asText())
        .isEqualTo(runtime.createProcessInstanceQuery().processInstanceBusinessKey(seed.breached()).singleResult().getId());

    assertThat(board.get("atRisk")).hasSize(before.get("atRisk").size() + 1);
    assertThat(ofSeed(board.get("atRisk"))).singleElement().satisfies(atRisk -> {
      assertThat(atRisk.get("ticketId").asText()).isEqualTo(seed.atRisk());
      assertThat(atRisk.get("secondsToDue").asLong()).isEqualTo(Duration.ofMinutes(10).toSeconds());
    });

    for (String window : List.of("firstResponse7d", "firstResponse30d")) {
      JsonNode fr = board.get(window);
      assertThat(fr.get("decided").asLong()).as(window).isEqualTo(6);
      assertThat(fr.get("met").asLong()).as(window).isEqualTo(4);
      assertThat(fr.get("rate").asDouble()).as(window).isEqualTo(4.0 / 6);
      assertThat(fr.get("medianSeconds").asLong()).as(window).isEqualTo(Duration.ofHours(1).toSeconds());
      assertThat(fr.at("/byPriority/0/medianSeconds").asLong()).as(window).isEqualTo(Duration.ofMinutes(30).toSeconds());
      assertThat(fr.at("/byPriority/0/priority").asText()).isEqualTo("P1");
      assertThat(fr.at("/byPriority/0/rate").asDouble()).isEqualTo(0.5);
    }
    assertThat(board.at("/firstResponse7d/from").asText()).isEqualTo("2031-05-27T12:00:00Z");
    assertThat(board.at("/firstResponse30d/from").asText()).isEqualTo("2031-05-04T12:00:00Z");
  }

  @Test
  void theReportsFiguresEqualTheBoardsForTheSameTickets() throws Exception {
    JsonNode board = client.ok(client.call(get("/api/reports/sla/board"), "manager", null), 200);
    JsonNode month = client.ok(client.call(get("/api/reports/sla"), "manager", null), 200);
    JsonNode week = client.ok(client.call(get("/api/reports/sla").param("from", "2031-05-27T12:00:00Z")
        .param("to", "2031-06-03T12:00:00Z"), "lead", null), 200);
    assertThat(month.get("openTickets")).isEqualTo(board.get("openTickets"));
    assertThat(month.get("atRisk")).isEqualTo(board.get("atRisk"));
    assertThat(month.get("breached")).isEqualTo(board.get("breached"));
    assertThat(month.get("firstResponse")).isEqualTo(board.get("firstResponse30d"));
    assertThat(week.get("firstResponse")).isEqualTo(board.get("firstResponse7d"));
  }

  @Test
  void aWindowBeforeTheTicketsHasNothingDecided() throws Exception {
    JsonNode report = client.ok(client.call(get("/api/reports/sla").param("from", "2031-01-01T00:00:00Z")
        .param("to", "2031-06-01T00:00:00Z"), "admin", null), 200);
    assertThat(report.at("/firstResponse/decided").asLong()).isZero();
    assertThat(report.at("/firstResponse/rate").isNull()).isTrue();
    assertThat(report.at("/firstResponse/medianSeconds").isNull()).isTrue();
    assertThat(report.at("/openTickets/total").asLong()).isEqualTo(openBefore() + 4);
    assertThat(report.at("/resolution/decided").asLong()).isZero();
    assertThat(report.at("/update/decided").asLong()).isZero();
    assertThat(report.at("/satisfaction/responses").asLong()).isZero();
    assertThat(report.at("/satisfaction/average").isNull()).isTrue();
  }

  @Test
  void badWindowsAre400Problems() throws Exception {
    client.invalid(client.call(get("/api/reports/sla").param("from", "yesterday"), "manager", null), "from");
    client.invalid(client.call(get("/api/reports/sla").param("to", "2031-13-01T00:00:00Z"), "manager", null), "to");
    client.invalid(client.call(get("/api/reports/sla").param("from", "2031-06-02T00:00:00Z")
        .param("to", "2031-06-01T00:00:00Z"), "manager", null), "to");
    client.invalid(client.call(get("/api/reports/sla").param("from", "2031-06-01T00:00:00Z")
        .param("to", "2031-06-01T00:00:00Z"), "manager", null), "to");
    client.invalid(client.call(get("/api/reports/sla").param("from", "2020-01-01T00:00:00Z")
        .param("to", "2031-06-01T00:00:00Z"), "manager", null), "from");
  }

  @Test
  void onlyManagersLeadsAndAdministratorsReadReports() throws Exception {
    for (String path : List.of("/api/reports/sla", "/api/reports/sla/board")) {
      for (String user : List.of("manager", "lead", "admin")) {
        assertThat(client.call(get(path), user, null).getResponse().getStatus()).as(user + " " + path).isEqualTo(200);
      }
      for (String user : List.of("web.agent", "portal", "engineer")) {
        client.problem(client.call(get(path), user, null), 403);
      }
      client.problem(client.call(get(path), null, null), 401);
      client.problem(client.call(get(path), "manager", "wrong", null), 401);
    }
  }

  @Test
  void aCockpitSessionReadsReportsButNothingElse() throws Exception {
    MockHttpSession manager = cockpitSession("manager");
    String sessionId = manager.getId();
    MvcResult board = mvc.perform(get("/api/reports/sla/board").session(manager)).andReturn();
    assertThat(board.getResponse().getStatus()).as(board.getResponse().getContentAsString()).isEqualTo(200);
    // The Cockpit session is only read: its id is not changed (that would log the manager out of Cockpit).
    assertThat(manager.getId()).isEqualTo(sessionId);
    assertThat(board.getResponse().getHeader("Set-Cookie")).isNull();
    assertThat(client.read(board).at("/openTickets/total").asLong()).isEqualTo(openBefore() + 4);
    assertThat(mvc.perform(get("/api/reports/sla").session(manager)).andReturn().getResponse().getStatus()).isEqualTo(200);

    // CSRF: the session is accepted for GETs of /api/reports/** only; everything else needs HTTP Basic.
    assertThat(mvc.perform(get("/api/tickets/" + seed.breached()).session(manager)).andReturn().getResponse().getStatus()).isEqualTo(401);
    assertThat(mvc.perform(post("/api/reports/sla/board").session(manager)).andReturn().getResponse().getStatus()).isEqualTo(401);
    assertThat(mvc.perform(post("/api/tickets/" + seed.breached() + "/priority").session(manager)
        .contentType("application/json").content("{\"priority\":\"P4\",\"reason\":\"x\"}")).andReturn().getResponse().getStatus())
        .isEqualTo(401);

    // The groups are the engine's: an agent's session does not read reports.
    client.problem(mvc.perform(get("/api/reports/sla/board").session(cockpitSession("web.agent"))).andReturn(), 403);
    // A session of another engine, or none, is no login.
    Authentications other = new Authentications();
    other.addOrReplace(new UserAuthentication("manager", "other-engine"));
    MockHttpSession otherEngine = new MockHttpSession();
    AuthenticationUtil.updateSession(otherEngine, other);
    client.problem(mvc.perform(get("/api/reports/sla/board").session(otherEngine)).andReturn(), 401);
    client.problem(mvc.perform(get("/api/reports/sla/board").session(new MockHttpSession())).andReturn(), 401);
  }

  static MockHttpSession cockpitSession(String user) {
    Authentications authentications = new Authentications();
    authentications.addOrReplace(new UserAuthentication(user, "default"));
    MockHttpSession session = new MockHttpSession();
    AuthenticationUtil.updateSession(session, authentications);
    return session;
  }

  long openBefore() {
    return before.at("/openTickets/total").asLong();
  }

  /** The seed's entries of a board's list of clocks. */
  List<JsonNode> ofSeed(JsonNode clocks) {
    List<String> ids = List.of(seed.breached(), seed.atRisk(), seed.answered(), seed.billingBreached());
    List<JsonNode> found = new ArrayList<>();
    clocks.forEach(c -> {
      if (ids.contains(c.get("ticketId").asText())) {
        found.add(c);
      }
    });
    return found;
  }

  /** Open tickets by "priority:status", in the figures' order. */
  static Map<String, Long> open(JsonNode figures) {
    Map<String, Long> counts = new LinkedHashMap<>();
    figures.at("/openTickets/byPriorityAndStatus").forEach(c ->
        counts.put(c.get("priority").asText() + ":" + c.get("status").asText(), c.get("count").asLong()));
    return counts;
  }

  /** What grew from one count to the other, and by how much. */
  static Map<String, Long> added(Map<String, Long> from, Map<String, Long> to) {
    Map<String, Long> grown = new TreeMap<>();
    to.forEach((key, count) -> {
      long more = count - from.getOrDefault(key, 0L);
      if (more != 0) {
        grown.put(key, more);
      }
    });
    return grown;
  }
}
