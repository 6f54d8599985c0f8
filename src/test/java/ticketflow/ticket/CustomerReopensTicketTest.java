package ticketflow.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/**
 * No customer message goes unread: POST /api/tickets/{id}/messages on a proposed solution, and on a ticket closed
 * within ticketflow.reopen-window (P7D here), gives the queue a Work ticket task; after the window it is a 409 that
 * says to submit a follow-up ticket. The model's side is CustomerWritesScenarioTest.
 */
@TicketflowTest
class CustomerReopensTicketTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  TicketApi api;
  ApiClient client;

  @BeforeEach
  void setUp() {
    api = new TicketApi(mvc, json, tasks);
    client = new ApiClient(mvc, json);
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void aMessageInsteadOfFeedbackOnAProposedSolutionGivesTheQueueAWorkTicketTask() throws Exception {
    String id = api.submitId(TicketApi.ticket());
    api.agentCompletes(id, "FirstResponse", "action", "PROPOSE_SOLUTION", "reply", "Update to 6.3, then record again.");
    assertThat(api.view(id).get("status").asText()).isEqualTo("SOLUTION_PROPOSED");
    assertThat(api.view(id).at("/sla/resolution/state").asText()).isEqualTo("PAUSED");

    JsonNode view = client.ok(api.customerWrites(id, "Still greyed out after the update."), 201);

    Task work = api.task(id, "WorkTicket");
    assertThat(tasks.getIdentityLinksForTask(work.getId())).anyMatch(link -> "support-web".equals(link.getGroupId()));
    assertThat(view.get("status").asText()).isEqualTo("IN_PROGRESS");
    // As a rejection: the resolution clock runs again, and the task is due when it is.
    JsonNode now = api.view(id);
    assertThat(now.at("/sla/resolution/state").asText()).isEqualTo("RUNNING");
    assertThat(work.getDueDate().toInstant()).isEqualTo(Instant.parse(now.at("/sla/resolution/dueAt").asText()));
    assertThat(now.get("messages").findValuesAsText("body")).contains("Still greyed out after the update.");
    // The feedback it replaced is no longer awaited.
    client.problem(api.customerAnswers(id, true, "ok"), 409);
  }

  @Test
  void aMessageOnATicketClosedWithinTheWindowReopensItForItsQueue() throws Exception {
    String id = closedTicket();
    Instant resolutionMet = Instant.parse(api.view(id).at("/sla/resolution/metAt").asText());
    later(Duration.ofDays(6));

    JsonNode view = client.ok(api.customerWrites(id, "It is broken again since this morning."), 201);

    assertThat(view.get("status").asText()).isEqualTo("IN_PROGRESS");
    Task work = api.task(id, "WorkTicket");
    assertThat(tasks.getIdentityLinksForTask(work.getId())).anyMatch(link -> "support-web".equals(link.getGroupId()));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).active().count()).isEqualTo(1);
    // The resolution clock runs again with the time it had left when it was met; the days closed count as waiting.
    JsonNode sla = api.view(id).get("sla");
    assertThat(sla.at("/resolution/state").asText()).isEqualTo("RUNNING");
    assertThat(sla.at("/resolution/metAt").isNull()).isTrue();
    assertThat(Instant.parse(sla.at("/resolution/dueAt").asText())).isAfter(resolutionMet.plus(Duration.ofDays(6)));
    assertThat(work.getDueDate().toInstant()).isEqualTo(Instant.parse(sla.at("/resolution/dueAt").asText()));
    assertThat(sla.at("/firstResponse/state").asText()).isEqualTo("MET");
    assertThat(api.view(id).get("messages").findValuesAsText("body")).contains("It is broken again since this morning.");

    // From here it is a ticket like any other: worked and closed again.
    api.agentCompletes(id, "WorkTicket", "action", "PROPOSE_SOLUTION", "reply", "Fixed for good in 6.3.1.");
    client.ok(api.customerAnswers(id, true, "Works"), 200);
    assertThat(api.view(id).get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void aMessageAfterTheWindowIsRefusedWithAPointerToAFollowUpTicketAndWritesNothing() throws Exception {
    String id = closedTicket();
    int messages = api.view(id).get("messages").size();
    later(Duration.ofDays(7).plusMinutes(1));

    JsonNode problem = client.problem(api.customerWrites(id, "Hello again?"), 409);

    assertThat(problem.get("detail").asText()).contains("follow-up ticket").contains("7 days");
    JsonNode view = api.view(id);
    assertThat(view.get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("messages")).hasSize(messages);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
  }

  @Test
  void aDeflectedTicketIsNotReopened() throws Exception {
    String id = api.submitId(TicketApi.ticket("accountId", "acme-free", "requesterEmail", "owner@acme-free.example"));
    assertThat(api.view(id).get("status").asText()).isEqualTo("DEFLECTED");

    client.problem(api.customerWrites(id, "Can someone call me?"), 409);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
  }

  @Test
  void twoMessagesOnAClosedTicketReopenItOnce() throws Exception {
    String id = closedTicket();

    client.ok(api.customerWrites(id, "Broken again."), 201);
    client.ok(api.customerWrites(id, "And the screenshot: attached."), 201);

    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
  }

  /** A web ticket whose proposed solution the customer accepted. */
  private String closedTicket() throws Exception {
    String id = api.submitId(TicketApi.ticket());
    api.agentCompletes(id, "FirstResponse", "action", "PROPOSE_SOLUTION", "reply", "Update to 6.3, then record again.");
    MvcResult accepted = api.customerAnswers(id, true, "Works now");
    assertThat(accepted.getResponse().getStatus()).isEqualTo(200);
    assertThat(api.view(id).get("status").asText()).isEqualTo("CLOSED");
    return id;
  }

  private static void later(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(by)));
  }
}
