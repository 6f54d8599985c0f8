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
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.TicketApi;
import ticketflow.report.SlaSeed;

/**
 * A manager logs into Cockpit and the dashboard's "Ticket SLA board" shows the seeded tickets ({@link SlaSeed}: one
 * breached, one at risk, one answered in time) with the same figures as {@code GET /api/reports/sla}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@TestPropertySource(properties = "ticketflow.test.context=sla-board-browser")
class SlaBoardBrowserTest {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
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
    SlaSeed seed = SlaSeed.plant(new TicketApi(mvc, json, tasks), runtime, management, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    ClockUtil.reset();
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

      assertThat(cell(browser, "open:P1:OPEN")).isEqualTo("2");
      assertThat(cell(browser, "open:P1:WAITING_ON_CUSTOMER")).isEqualTo("1");
      assertThat(cell(browser, "open:P1:ALL")).isEqualTo("3");
      assertThat(cell(browser, "open:ALL:ALL")).isEqualTo("3");
      assertThat(cell(browser, "open:P2:ALL")).isEqualTo("0");
      assertThat(cell(browser, "breached-count")).isEqualTo("Breached (1)");
      assertThat(cell(browser, "at-risk-count")).isEqualTo("At risk (1)");
      assertThat(cell(browser, "compliance7d:P1")).isEqualTo("1 / 2");
      assertThat(cell(browser, "compliance30d:All")).isEqualTo("1 / 2");
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
