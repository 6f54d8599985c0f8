package ticketflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import ticketflow.SeparateJvmTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.TicketApi;
import ticketflow.TicketflowServerTest;
import ticketflow.report.SlaSeed;

/**
 * A manager logs into Cockpit and the dashboard's "Ticket SLA board" shows the seeded tickets ({@link SlaSeed}: one
 * breached, one at risk, one answered in time) with the same figures as {@code GET /api/reports/sla}.
 *
 * <p>The context is shared: the seed is planted in a week of its own, and the manager looks at the board with the
 * engine's clock still there, so its 7- and 30-day figures are the seed's alone; the open, breached and at-risk
 * tickets are counted on top of what other tests left.
 */
@TicketflowServerTest
@Tag("browser")
// Not beside the tests that start node JVMs: a page waiting on a loaded two-core machine is what fails first.
@ResourceLock(SeparateJvmTest.LANE_A)
@ResourceLock(SeparateJvmTest.LANE_B)
class SlaBoardBrowserTest {

  /** Tuesday 2032-03-02 12:00 UTC: no other test's tickets are created within 30 days of it. */
  static final Instant NOW = Instant.parse("2032-03-02T12:00:00Z");

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void chromiumIsThere() {
    Browser.assumeInstalled();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aManagerSeesTheSeededTicketsOnTheCockpitDashboard() throws Exception {
    ClockUtil.setCurrentTime(Date.from(NOW));
    JsonNode before = get("/api/reports/sla/board");
    // Leaves the engine's clock at NOW for the rest of the test (reset after it).
    SlaSeed seed = SlaSeed.plant(new TicketApi(mvc, json, tasks), runtime, management, jdbc, NOW);
    String breachedInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(seed.breached()).singleResult().getId();

    try (Browser browser = Browser.open("sla-board")) {
      logIntoCockpit(browser, "manager");
      WebElement board;
      try {
        board = browser.visible(By.cssSelector("#ticket-sla-board table[data-board=compliance]"));
      } catch (TimeoutException e) {
        browser.screenshot("no-board");
        throw e;
      }
      ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'start'});",
          browser.driver.findElement(By.id("ticket-sla-board")));
      Path screenshot = browser.screenshot("ticket-sla-board");
      System.out.println("SLA board screenshot: " + screenshot.toAbsolutePath());

      assertThat(cell(browser, "open:P1:OPEN")).isEqualTo(String.valueOf(open(before, "P1", "OPEN") + 2));
      assertThat(cell(browser, "open:P1:WAITING_ON_CUSTOMER"))
          .isEqualTo(String.valueOf(open(before, "P1", "WAITING_ON_CUSTOMER") + 1));
      assertThat(cell(browser, "open:P1:ALL")).isEqualTo(String.valueOf(open(before, "P1", null) + 3));
      assertThat(cell(browser, "open:ALL:ALL")).isEqualTo(String.valueOf(open(before, null, null) + 4));
      assertThat(cell(browser, "open:P2:ALL")).isEqualTo(String.valueOf(open(before, "P2", null)));
      assertThat(cell(browser, "breached-count")).isEqualTo("Breached (" + (before.get("breached").size() + 2) + ")");
      assertThat(cell(browser, "at-risk-count")).isEqualTo("At risk (" + (before.get("atRisk").size() + 1) + ")");
      assertThat(cell(browser, "compliance7d:P1")).isEqualTo("1 / 2");
      assertThat(cell(browser, "compliance30d:All")).isEqualTo("4 / 6");
      assertThat(cell(browser, "median30d:P1")).isEqualTo("30m");

      WebElement breachedRow = board.findElement(By.xpath(
          "//table[@data-board='breached']//tr[@data-ticket=" + Browser.quote(seed.breached()) + "]"));
      assertThat(breachedRow.getText()).contains("P1", "support-chat", "FIRST_RESPONSE", "past due");
      WebElement link = breachedRow.findElement(By.tagName("a"));
      assertThat(link.getAttribute("href")).endsWith("#/process-instance/" + breachedInstance + "/runtime");
      WebElement atRiskRow = board.findElement(By.xpath(
          "//table[@data-board='at-risk']//tr[@data-ticket=" + Browser.quote(seed.atRisk()) + "]"));
      assertThat(atRiskRow.getText()).contains("due in");

      // The board's figures are the report endpoint's for the same tickets.
      JsonNode boardJson = get("/api/reports/sla/board");
      JsonNode report = get("/api/reports/sla?from=" + boardJson.at("/firstResponse30d/from").asText()
          + "&to=" + boardJson.at("/firstResponse30d/to").asText());
      assertThat(report.get("openTickets")).isEqualTo(boardJson.get("openTickets"));
      assertThat(report.at("/firstResponse/decided")).isEqualTo(boardJson.at("/firstResponse30d/decided"));
      assertThat(report.at("/firstResponse/met")).isEqualTo(boardJson.at("/firstResponse30d/met"));
      assertThat(report.at("/firstResponse/medianSeconds")).isEqualTo(boardJson.at("/firstResponse30d/medianSeconds"));
      assertThat(report.at("/firstResponse/byPriority")).isEqualTo(boardJson.at("/firstResponse30d/byPriority"));
      assertThat(cell(browser, "open:ALL:ALL")).isEqualTo(report.at("/openTickets/total").asText());
      assertThat(cell(browser, "compliance30d:All")).isEqualTo(report.at("/firstResponse/met").asText() + " / "
          + report.at("/firstResponse/decided").asText());
      assertThat(cell(browser, "breached-count")).isEqualTo("Breached (" + report.get("breached").size() + ")");
      assertThat(cell(browser, "at-risk-count")).isEqualTo("At risk (" + report.get("atRisk").size() + ")");

      // The window part: the last 7 days per commitment, per queue, satisfaction and the trend chart (uPlot).
      WebElement chart;
      try {
        chart = browser.visible(By.cssSelector("#ticket-sla-window #ticket-sla-trend canvas"));
      } catch (TimeoutException e) {
        browser.screenshot("no-window");
        throw e;
      }
      ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'start'});",
          browser.driver.findElement(By.id("ticket-sla-window")));
      System.out.println("SLA window screenshot: " + browser.screenshot("ticket-sla-window-7-days").toAbsolutePath());
      assertThat(chart.getSize().getWidth()).isGreaterThan(200);
      assertThat(browser.driver.findElement(By.id("ticket-sla-trend")).getAttribute("data-points")).isEqualTo("7");
      assertThat(browser.driver.findElement(By.id("ticket-sla-trend")).getText()).contains("Opened", "Closed", "Breached");
      assertThat(cell(browser, "window:resolution")).isEqualTo("2 / 4");
      assertThat(cell(browser, "window:update")).isEqualTo("3 / 4");
      assertThat(cell(browser, "window:firstResponse")).isEqualTo("4 / 6");
      assertThat(cell(browser, "queue:billing:firstResponse")).isEqualTo("100 %");
      assertThat(cell(browser, "queue:billing:resolution")).isEqualTo("50 %");
      assertThat(cell(browser, "queue:billing:satisfaction")).isEqualTo("4.0");
      assertThat(cell(browser, "queue:support-web:satisfaction")).isEqualTo("3.5");
      assertThat(cell(browser, "queue:support-chat:firstResponse")).isEqualTo("50 %");
      assertThat(cell(browser, "satisfaction-average")).isEqualTo("3.7");
      assertThat(cell(browser, "satisfaction-responses")).contains("3 scores");
      assertThat(cell(browser, "satisfaction-distribution")).isEqualTo("1★ 0 · 2★ 1 · 3★ 0 · 4★ 1 · 5★ 1");

      browser.click(By.cssSelector("#ticket-sla-window button[data-days='90']"));
      browser.visible(By.cssSelector("#ticket-sla-window #ticket-sla-trend[data-points='90'] canvas"));
      assertThat(cell(browser, "window-title")).isEqualTo("The last 90 days");
      assertThat(cell(browser, "queue:billing:satisfaction")).isEqualTo("4.0");
      browser.screenshot("ticket-sla-window-90-days");

      // The link opens the breached ticket's instance in Cockpit.
      browser.click(By.xpath("//table[@data-board='breached']//a[normalize-space(.)=" + Browser.quote(seed.breached()) + "]"));
      browser.wait.until(d -> d.getCurrentUrl().contains("/process-instance/" + breachedInstance));
      browser.wait.until(d -> d.findElements(By.id("ticket-sla-board")).isEmpty());
      browser.visible(Browser.containingText(seed.breached()));
      browser.screenshot("breached-instance");
    }
  }

  @Test
  void aSupportLeadSeesTheBoardToo() throws Exception {
    try (Browser browser = Browser.open("sla-board-lead")) {
      logIntoCockpit(browser, "lead");
      try {
        browser.visible(By.cssSelector("#ticket-sla-board table[data-board=open]"));
      } finally {
        browser.screenshot("lead-board");
      }
    }
  }

  /** Cockpit's login form; logged in when the navigation shows the user ("manager (demo)"). */
  private void logIntoCockpit(Browser browser, String user) {
    browser.logIntoCamunda(base(), "cockpit", user, "demo");
    browser.visible(Browser.containingText(user + " (demo)"));
  }

  /** Open tickets in the board's figures of a priority and a status (null: all of them). */
  private static long open(JsonNode board, String priority, String status) {
    long count = 0;
    for (JsonNode c : board.at("/openTickets/byPriorityAndStatus")) {
      if ((priority == null || priority.equals(c.get("priority").asText()))
          && (status == null || status.equals(c.get("status").asText()))) {
        count += c.get("count").asLong();
      }
    }
    return count;
  }

  private static String cell(Browser browser, String name) {
    return browser.visible(By.cssSelector("#ticket-sla-board [data-cell='" + name + "']")).getText().trim();
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:demo".getBytes(StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
