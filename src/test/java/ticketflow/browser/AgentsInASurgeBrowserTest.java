package ticketflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ticketflow.ApiClient;
import ticketflow.SeparateJvmTest;
import ticketflow.TestMailbox;
import ticketflow.TicketApi;
import ticketflow.TicketflowServerTest;

/**
 * Issue 16 as agents meet it in Tasklist, in a 1400 × 900 window: the form's first screen holds the answer and no
 * Camunda 8 banner, the list's header names the order the list is in, a canned reply reaches the customer's mailbox
 * filled in for the ticket, an internal note reaches colleagues and never the customer, and automatic assignment
 * shares a surge between the agents who said they are available.
 */
@TicketflowServerTest
@Tag("browser")
@ResourceLock(SeparateJvmTest.LANE_A)
@ResourceLock(SeparateJvmTest.LANE_B)
class AgentsInASurgeBrowserTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  ServerCalls api;

  @BeforeEach
  void setUp() {
    Browser.assumeInstalled();
    api = new ServerCalls(port, json);
  }

  @Test
  void anAgentAnswersWithACannedReplyAndANoteFromTheFirstScreenOfTheForm() throws Exception {
    String macro = ApiClient.unique("surge-reply");
    api.call("PUT", "/api/macros/" + macro, ApiClient.ADMIN, Map.of("title", "Looking into it " + macro,
        "body", "We are on {{ticket.id}} ({{ticket.subject}}) and write again within the hour."), 201);
    String subject = "Meetings drop for everyone " + macro;
    String id = api.submit(TicketApi.ticket("impact", "SERVICE_DOWN", "subject", subject));
    String note = "Looks like the 6.2 relay bug, engineering knows it (" + macro + ")";

    try (Browser browser = Browser.open("canned-reply-and-note", 1400, 900)) {
      browser.logIntoCamunda(api.base(), "tasklist", "web.agent", "demo");
      browser.click(Browser.text("My queues"));
      By task = Browser.containingText("First response · " + id);
      // The header names the order the queue is in: the most urgent due first.
      browser.wait.until(d -> sortedBy(browser).equals(List.of("Due date", "Created")));
      browser.click(task);
      WebElement reply = browser.visible(field("Reply to the customer", "textarea"));
      browser.screenshot("first-screen");
      assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
      assertThat(browser.withinWindow(reply)).as("the reply field is on the first screen").isTrue();
      assertThat(browser.withinWindow(browser.driver.findElement(field("Canned reply (optional)", "*[contains(@class,'fjs-input-group')]")))).isTrue();
      assertThat(browser.withinWindow(browser.driver.findElement(radio("Reply and wait for the customer")))).isTrue();
      assertThat(browser.driver.findElements(field("Reason for the priority change"))).isEmpty();

      By claim = By.xpath("//button[normalize-space(.)='Claim'] | //a[normalize-space(.)='Claim']");
      browser.click(claim);
      // Claimed: Tasklist shows the assignee instead of the button and renders the form again.
      browser.wait.until(d -> d.findElements(claim).isEmpty());
      browser.visible(field("Reply to the customer", "textarea"));
      pick(browser, "Change priority (optional)", "P2 – high");
      browser.visible(field("Reason for the priority change")).sendKeys("One team only, a workaround exists");
      pick(browser, "Canned reply (optional)", "Looking into it " + macro);
      browser.visible(field("Internal note for colleagues (optional)", "textarea")).sendKeys(note);
      browser.click(radio("Reply and wait for the customer"));
      browser.screenshot("answer-filled");
      browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
      browser.wait.until(d -> d.findElements(task).isEmpty());
      browser.screenshot("completed");
    }

    // The customer gets the canned reply filled in for the ticket, and never the note.
    String rendered = "We are on " + id + " (" + subject + ") and write again within the hour.";
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestMailbox.mailsAbout(id).stream()
        .anyMatch(mail -> GreenMailUtil.getBody(mail).contains(rendered)));
    assertThat(TestMailbox.mailsAbout(id)).noneMatch(mail -> GreenMailUtil.getBody(mail).contains("relay bug"));
    // A colleague reads the note, on the ticket and in the form of the ticket's next task; the portal never does.
    assertThat(api.get("/api/tickets/" + id, "lead").get("notes").toString()).contains(note);
    assertThat(api.get("/api/tickets/" + id, "portal").toString()).doesNotContain("relay bug");
    assertThat(api.get("/api/tickets/" + id, "portal").path("priority").asText()).isEqualTo("P2");
    api.call("POST", "/api/tickets/" + id + "/messages", "portal", Map.of("body", "Still dropping."), 201);
    Task next = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("WorkTicket").singleResult();
    assertThat(String.valueOf(((Map<?, ?>) tasks.getVariable(next.getId(), "ticket")).get("notes"))).contains(note);
  }

  @Test
  void withLeastLoadedTwoAvailableAgentsFindFiveOfTenWebTicketsEachAssignedToThem() throws Exception {
    List<String> agents = List.of(agent("surge-a"), agent("surge-b"), agent("surge-c"));
    List<String> tickets = new ArrayList<>();
    try {
      api.call("PUT", "/api/queues/support-web/assignment", ApiClient.ADMIN, Map.of("mode", "LEAST_LOADED"), 200);
      api.call("PUT", "/api/agents/" + agents.get(0) + "/availability", agents.get(0), Map.of("available", true), 200);
      api.call("PUT", "/api/agents/" + agents.get(1) + "/availability", "lead", Map.of("available", true), 200);
      api.call("PUT", "/api/agents/" + agents.get(2) + "/availability", ApiClient.ADMIN, Map.of("available", false), 200);
      for (int i = 1; i <= 10; i++) {
        tickets.add(api.submit(TicketApi.ticket("subject", "Surge ticket " + i)));
      }

      assertThat(tickets.stream().map(t -> String.valueOf(tasks.createTaskQuery().processInstanceBusinessKey(t).singleResult().getAssignee())))
          .as("assignees").filteredOn(agents.get(0)::equals).hasSize(5);
      try (Browser browser = Browser.open("surge-shared-out", 1400, 900)) {
        for (int i = 0; i < agents.size(); i++) {
          String agent = agents.get(i);
          int expected = i < 2 ? 5 : 0;
          browser.logIntoCamunda(api.base(), "tasklist", agent, "demo");
          browser.click(Browser.text("Assigned to me"));
          // Listed, or Tasklist's word that there is nothing to list.
          browser.wait.until(d -> ticketsListed(browser, tickets) == expected
              && (expected > 0 || !d.findElements(Browser.containingText("No task matching filters found.")).isEmpty()));
          browser.screenshot(agent + "-assigned-to-me");
          assertThat(ticketsListed(browser, tickets)).as(agent).isEqualTo(expected);
          browser.logOut();
        }
      }
    } finally {
      api.call("PUT", "/api/queues/support-web/assignment", ApiClient.ADMIN, Map.of("mode", "MANUAL"), 200);
      tickets.forEach(t -> tasks.createTaskQuery().processInstanceBusinessKey(t).list()
          .forEach(task -> tasks.setAssignee(task.getId(), null)));
      agents.forEach(identity::deleteUser);
    }
  }

  /** A web agent of the test's own, with the demo password; not available until it says so. */
  private String agent(String prefix) {
    String id = ApiClient.unique(prefix);
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("(test)");
    user.setPassword(ApiClient.DEMO_PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, "support-web");
    return id;
  }

  private static int ticketsListed(Browser browser, List<String> tickets) {
    String list = browser.driver.findElement(By.cssSelector(".tasks-list")).getText();
    return (int) tickets.stream().filter(t -> list.contains("First response · " + t + " ·")).count();
  }

  /** What Tasklist's header says the list is sorted by. */
  private static List<String> sortedBy(Browser browser) {
    return browser.driver.findElements(By.cssSelector(".sorting-choice .sort-by")).stream().map(WebElement::getText).toList();
  }

  /** Picks an entry of a form-js select, as a person does: open it, click the entry. */
  private static void pick(Browser browser, String label, String entry) {
    browser.click(field(label, "*[contains(@class,'fjs-select-display') or contains(@class,'fjs-select-placeholder')]"));
    browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + Browser.quote(entry) + "]"));
  }

  private static By radio(String label) {
    return By.xpath("//label[contains(normalize-space(.), " + Browser.quote(label) + ")]//input[@type='radio']"
        + " | //label[contains(normalize-space(.), " + Browser.quote(label) + ")]/preceding-sibling::input[@type='radio'][1]");
  }

  private static By field(String label) {
    return field(label, "input");
  }

  private static By field(String label, String element) {
    return By.xpath("//div[contains(@class,'fjs-form-field')][.//label[normalize-space(.)=" + Browser.quote(label) + "]]//" + element);
  }
}
