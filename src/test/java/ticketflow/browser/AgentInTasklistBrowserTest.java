package ticketflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import ticketflow.SeparateJvmTest;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ticketflow.TestMailbox;
import ticketflow.TicketApi;
import ticketflow.TicketflowServerTest;

/**
 * An agent's day in a real browser: Tasklist queue, claim, the ticket in the form, reply, complete. The customer's
 * mail arrives in the {@link TestMailbox}.
 *
 * <p>Its tickets are urgent (P1, first response due within the hour): Tasklist lists a queue's most urgent tickets
 * first, one page at a time, so they head the queue whatever older tickets other tests of the shared context left.
 */
@TicketflowServerTest
@Tag("browser")
// Not beside the tests that start node JVMs: a page waiting on a loaded two-core machine is what fails first.
@ResourceLock(SeparateJvmTest.LANE_A)
@ResourceLock(SeparateJvmTest.LANE_B)
class AgentInTasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void chromiumIsThere() {
    Browser.assumeInstalled();
  }

  @Test
  void anAgentClaimsTheirQueuesTicketSeesItInTheFormRepliesAndCompletes() throws Exception {
    String id = submit(TicketApi.ticket("impact", "SERVICE_DOWN", "subject", "Recording does not start",
        "description", "The record button is greyed out."));

    try (Browser browser = Browser.open("agent-works-a-ticket")) {
      browser.logIntoCamunda(base(), "tasklist", "web.agent", "demo");
      browser.click(Browser.text("My queues"));
      By task = Browser.containingText("First response · " + id);
      browser.visible(task);
      browser.screenshot("queue");

      browser.click(task);
      WebElement subject = browser.visible(field("Subject"));
      assertThat(subject.getAttribute("value")).isEqualTo("Recording does not start");
      assertThat(browser.driver.findElement(field("Description", "textarea")).getAttribute("value")).isEqualTo("The record button is greyed out.");
      assertThat(browser.driver.findElement(field("Requester")).getAttribute("value")).isEqualTo("owner@acme-pro.example");
      assertThat(browser.driver.findElement(field("Plan")).getAttribute("value")).isEqualTo("PRO");
      browser.screenshot("ticket-in-form");

      browser.click(By.xpath("//button[normalize-space(.)='Claim'] | //a[normalize-space(.)='Claim']"));
      browser.visible(Browser.containingText("web.agent (demo)"));
      browser.screenshot("claimed");

      browser.visible(field("Reply to the customer", "textarea")).sendKeys("Please update to 6.3, which fixes recording.");
      By propose = By.xpath("//label[contains(normalize-space(.), 'Propose a solution')]//input[@type='radio']"
          + " | //input[@type='radio'][@value='PROPOSE_SOLUTION']");
      browser.click(propose);
      browser.wait.until(d -> d.findElement(propose).isSelected());
      browser.screenshot("reply-filled");
      browser.click(By.xpath("//button[normalize-space(.)='Complete']"));
      browser.wait.until(d -> d.findElements(task).isEmpty());
      browser.screenshot("completed");
    }

    JsonNode view = view(id);
    assertThat(view.get("status").asText()).isEqualTo("SOLUTION_PROPOSED");
    assertThat(view.at("/messages/0/author").asText()).isEqualTo("AGENT");
    assertThat(view.at("/messages/0/body").asText()).isEqualTo("Please update to 6.3, which fixes recording.");

    // The customer hears of it by e-mail, once.
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestMailbox.mailsAbout(id).size() == 1);
    MimeMessage mail = TestMailbox.mailsAbout(id).get(0);
    assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("owner@acme-pro.example");
    assertThat(GreenMailUtil.getBody(mail)).contains("Please update to 6.3, which fixes recording.");
  }

  @Test
  void anAgentOfAnotherQueueDoesNotSeeTheTask() throws Exception {
    String id = submit(TicketApi.ticket("impact", "SERVICE_DOWN", "subject", "Only for the web queue"));
    try (Browser browser = Browser.open("other-queue-sees-nothing")) {
      browser.logIntoCamunda(base(), "tasklist", "chat.agent", "demo");
      browser.click(Browser.text("My queues"));
      browser.visible(By.cssSelector(".tasks-list, [cam-tasks]"));
      Thread.sleep(1500);
      browser.screenshot("chat-agent-queue");
      assertThat(browser.driver.findElements(Browser.containingText(id))).isEmpty();
    }
  }

  @Test
  void markupInATicketIsShownAsTextNeverRun() throws Exception {
    String markup = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
    String id = submit(TicketApi.ticket("impact", "SERVICE_DOWN", "subject", markup,
        "description", "'; DROP TABLE tf_ticket; -- " + markup));
    try (Browser browser = Browser.open("markup-is-text")) {
      browser.logIntoCamunda(base(), "tasklist", "web.agent", "demo");
      browser.click(Browser.text("My queues"));
      By task = By.xpath("//*[contains(normalize-space(.), " + Browser.quote("First response · " + id) + ")]");
      browser.click(By.xpath("(//a[contains(normalize-space(.), " + Browser.quote(id) + ")])[1]"));
      WebElement subject = browser.visible(field("Subject"));
      browser.screenshot("markup-in-form");
      assertThat(subject.getAttribute("value")).isEqualTo(markup);
      assertThat(browser.driver.findElement(field("Description", "textarea")).getAttribute("value")).startsWith("'; DROP TABLE");
      assertThat(browser.driver.getTitle()).doesNotContain("pwned");
      assertThat(browser.driver.findElements(task)).isNotEmpty();
      try {
        browser.driver.switchTo().alert();
        throw new AssertionError("an alert opened: markup was executed");
      } catch (NoAlertPresentException expected) {
        // nothing ran
      }
    }
  }

  /** The input of a Camunda Form field by its label. */
  private static By field(String label) {
    return field(label, "input");
  }

  private static By field(String label, String element) {
    return By.xpath("//div[contains(@class,'fjs-form-field')][.//label[normalize-space(.)=" + Browser.quote(label) + "]]//" + element);
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private String submit(Map<String, Object> ticket) throws Exception {
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/tickets"))
        .header("Authorization", basic("portal", "demo")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(ticket))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("id").asText();
  }

  private JsonNode view(String id) throws Exception {
    return json.readTree(http.send(HttpRequest.newBuilder(URI.create(base() + "/api/tickets/" + id))
        .header("Authorization", basic("portal", "demo")).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
