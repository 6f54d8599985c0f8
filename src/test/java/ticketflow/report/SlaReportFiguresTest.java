package ticketflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.ApiClient;
import ticketflow.TicketApi;

/**
 * Every figure the report grew (resolution, updates, per queue, satisfaction, trend, CSV) against {@link SlaSeed} with its
 * rows of known outcomes, planted in a month of its own: the window's figures are the seed's alone, the "now" figures
 * (open, at risk, breached per queue) the seed's on top of what was there before.
 * Run on H2 and on PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SlaReportFiguresTest {

  /** Tuesday 2031-09-02 12:00 UTC, 05:00 in Los Angeles: no other test's tickets are created within 30 days of it. */
  static final Instant NOW = Instant.parse("2031-09-02T12:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  ApiClient client;
  JsonNode before;
  JsonNode report;

  @BeforeEach
  void seed() throws Exception {
    client = new ApiClient(mvc, json);
    ClockUtil.setCurrentTime(Date.from(NOW));
    if (report == null) {
      before = client.ok(client.call(get("/api/reports/sla"), "manager", null), 200);
      SlaSeed.plant(new TicketApi(mvc, json, tasks), runtime, management, jdbc, NOW);
      report = client.ok(client.call(get("/api/reports/sla"), "manager", null), 200);
    }
  }

  @AfterEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterAll
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void resolutionIsMetInTimeOrNotWithItsMedian() {
    JsonNode resolution = report.get("resolution");
    assertThat(resolution.get("from").asText()).isEqualTo("2031-08-03T12:00:00Z");
    assertThat(resolution.get("decided").asLong()).as("three met, one breached").isEqualTo(4);
    assertThat(resolution.get("met").asLong()).as("met late is no compliance").isEqualTo(2);
    assertThat(resolution.get("rate").asDouble()).isEqualTo(0.5);
    assertThat(resolution.get("medianSeconds").asLong()).isEqualTo(Duration.ofDays(1).toSeconds());
    assertThat(priority(resolution, "P2")).isEqualTo("2/1 129600");
    assertThat(priority(resolution, "P3")).isEqualTo("2/1 72000");
  }

  @Test
  void firstResponseCountsTheRowsAndTheLifecycle() {
    JsonNode fr = report.get("firstResponse");
    assertThat(fr.get("decided").asLong()).isEqualTo(6);
    assertThat(fr.get("met").asLong()).isEqualTo(4);
    assertThat(fr.get("medianSeconds").asLong()).isEqualTo(3600);
    assertThat(priority(fr, "P1")).isEqualTo("2/1 1800");
    assertThat(priority(fr, "P2")).isEqualTo("2/1 12600");
    assertThat(priority(fr, "P3")).isEqualTo("2/2 4500");
  }

  @Test
  void updatesAreEveryPeriodThatEnded() {
    JsonNode update = report.get("update");
    assertThat(update.get("decided").asLong()).isEqualTo(4);
    assertThat(update.get("met").asLong()).isEqualTo(3);
    assertThat(update.get("rate").asDouble()).isEqualTo(0.75);
    assertThat(update.get("byPriority")).singleElement().satisfies(p -> {
      assertThat(p.get("priority").asText()).isEqualTo("P2");
      assertThat(p.get("rate").asDouble()).isEqualTo(0.75);
    });
  }

  @Test
  void eachQueueHasItsFigures() {
    JsonNode billing = queue(report, "billing");
    assertThat(billing.get("open").asLong()).isEqualTo(queue(before, "billing").path("open").asLong() + 1);
    assertThat(billing.get("breached").asLong()).isEqualTo(queue(before, "billing").path("breached").asLong() + 1);
    assertThat(billing.get("atRisk").asLong()).isEqualTo(queue(before, "billing").path("atRisk").asLong());
    assertThat(billing.get("firstResponseRate").asDouble()).isEqualTo(1.0);
    assertThat(billing.get("resolutionRate").asDouble()).isEqualTo(0.5);
    assertThat(billing.get("satisfaction").asDouble()).isEqualTo(4.0);
    JsonNode web = queue(report, "support-web");
    assertThat(web.get("firstResponseRate").asDouble()).isEqualTo(0.5);
    assertThat(web.get("resolutionRate").asDouble()).isEqualTo(0.5);
    assertThat(web.get("satisfaction").asDouble()).isEqualTo(3.5);
    JsonNode chat = queue(report, "support-chat");
    assertThat(chat.get("open").asLong()).isEqualTo(queue(before, "support-chat").path("open").asLong() + 3);
    assertThat(chat.get("atRisk").asLong()).isEqualTo(queue(before, "support-chat").path("atRisk").asLong() + 1);
    assertThat(chat.get("breached").asLong()).isEqualTo(queue(before, "support-chat").path("breached").asLong() + 1);
    assertThat(chat.get("firstResponseRate").asDouble()).isEqualTo(0.5);
    assertThat(chat.get("resolutionRate").isNull()).isTrue();
    assertThat(chat.get("satisfaction").isNull()).isTrue();
    List<String> names = report.get("byQueue").findValuesAsText("queue");
    assertThat(names).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void satisfactionHasItsDistribution() {
    JsonNode satisfaction = report.get("satisfaction");
    assertThat(satisfaction.get("responses").asLong()).isEqualTo(3);
    assertThat(satisfaction.get("average").asDouble()).isEqualTo(11.0 / 3);
    assertThat(json.convertValue(satisfaction.get("distribution"), Map.class))
        .isEqualTo(Map.of("1", 0, "2", 1, "3", 0, "4", 1, "5", 1));
  }

  @Test
  void theTrendHasADayForEveryDayOfTheWindowInLosAngeles() {
    assertThat(report.get("zone").asText()).isEqualTo("America/Los_Angeles");
    JsonNode trend = report.get("trend");
    assertThat(trend).hasSize(31);
    assertThat(trend.get(0).get("date").asText()).isEqualTo("2031-08-03");
    Map<String, String> days = new HashMap<>();
    trend.forEach(d -> days.put(d.get("date").asText(), d.get("opened") + " " + d.get("closed") + " " + d.get("breached") + " "
        + d.get("firstResponseRate")));
    assertThat(days.get("2031-08-31")).isEqualTo("2 0 1 0.5");
    assertThat(days.get("2031-09-01")).isEqualTo("2 2 2 1.0");
    assertThat(days.get("2031-09-02")).isEqualTo("3 1 2 0.5");
    assertThat(days.get("2031-08-30")).isEqualTo("0 0 0 null");
  }

  @Test
  void daysPicksTheLastWholeDaysOfTheZone() throws Exception {
    JsonNode week = client.ok(client.call(get("/api/reports/sla").param("days", "7"), "lead", null), 200);
    assertThat(week.at("/firstResponse/from").asText()).as("midnight in Los Angeles, 7 days with today")
        .isEqualTo("2031-08-27T07:00:00Z");
    assertThat(week.get("trend")).hasSize(7);
    assertThat(week.at("/trend/6/date").asText()).isEqualTo("2031-09-02");
    assertThat(week.at("/resolution/decided")).isEqualTo(report.at("/resolution/decided"));
    assertThat(week.at("/resolution/byPriority")).isEqualTo(report.at("/resolution/byPriority"));
  }

  @Test
  void theTablesComeAsCsv() throws Exception {
    MvcResult byHeader = client.call(get("/api/reports/sla").accept("text/csv"), "manager", null);
    assertThat(byHeader.getResponse().getStatus()).isEqualTo(200);
    assertThat(byHeader.getResponse().getContentType()).startsWith("text/csv");
    String csv = byHeader.getResponse().getContentAsString();
    String[] lines = csv.split("\r\n", -1);
    assertThat(lines[0]).isEqualTo("queue,open,atRisk,breached,firstResponseRate,resolutionRate,satisfaction");
    assertThat(csv).containsPattern("\r\nbilling,\\d+,\\d+,\\d+,1\\.0000,0\\.5000,4\\.0000\r\n");
    assertThat(csv).containsPattern("\r\nsupport-chat,\\d+,\\d+,\\d+,0\\.5000,,\r\n");
    assertThat(csv).contains("\r\n\r\ndate,opened,closed,breached,firstResponseRate\r\n2031-08-03,0,0,0,\r\n");
    assertThat(csv).contains("\r\n2031-09-01,2,2,2,1.0000\r\n", "\r\n2031-09-02,3,1,2,0.5000\r\n");
    MvcResult byPath = client.call(get("/api/reports/sla.csv"), "lead", null);
    assertThat(byPath.getResponse().getContentType()).startsWith("text/csv");
    assertThat(byPath.getResponse().getContentAsString()).isEqualTo(csv);
    client.problem(client.call(get("/api/reports/sla.csv"), "web.agent", null), 403);
    client.invalid(client.call(get("/api/reports/sla.csv").param("from", "soon"), "manager", null), "from");
    client.invalid(client.call(get("/api/reports/sla").accept("text/csv").param("days", "0"), "manager", null), "days");
  }

  @Test
  void badDaysAre400Problems() throws Exception {
    for (String days : List.of("0", "367", "seven", "7.5", "")) {
      client.invalid(client.call(get("/api/reports/sla").param("days", days), "manager", null), "days");
    }
    client.invalid(client.call(get("/api/reports/sla").param("days", "7").param("from", "2031-08-01T00:00:00Z"), "manager", null),
        "days");
  }

  /** "decided/met median" of a priority. */
  private static String priority(JsonNode figures, String priority) {
    for (JsonNode p : figures.get("byPriority")) {
      if (p.get("priority").asText().equals(priority)) {
        return p.get("decided").asLong() + "/" + p.get("met").asLong() + " " + p.get("medianSeconds").asText();
      }
    }
    throw new AssertionError("no " + priority + " in " + figures);
  }

  private static JsonNode queue(JsonNode figures, String queue) {
    for (JsonNode q : figures.path("byQueue")) {
      if (q.get("queue").asText().equals(queue)) {
        return q;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
