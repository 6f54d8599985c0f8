package ticketflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.TicketApi;

/**
 * Every path of ticket-lifecycle, driven as its users drive it: intake over /api, agents through their tasks.
 * Runs on H2 ({@link TicketLifecycleProcessOnH2Test}) and PostgreSQL ({@link TicketLifecycleProcessOnPostgresTest}).
 */
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
abstract class TicketLifecycleProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  TicketApi api;

  @BeforeEach
  void setUp() {
    init(engine);
    api = new TicketApi(mvc, json, tasks);
  }

  @Test
  void aFreeOwnerAskingForPhoneIsDeflectedWithSuggestionsAndNoAgentTask() throws Exception {
    JsonNode ticket = api.submit(TicketApi.ticket("accountId", "acme-free", "requesterEmail", "owner@acme-free.example",
        "channel", "PHONE", "subject", "Nobody hears my microphone", "description", "Audio is muted for others"));

    assertThat(ticket.get("status").asText()).isEqualTo("DEFLECTED");
    assertThat(ticket.get("channel").asText()).isEqualTo("CHATBOT");
    assertThat(ticket.get("suggestions")).isNotEmpty();
    assertThat(ticket.get("suggestions").get(0).get("id").asText()).isEqualTo("join-meeting-audio");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ticket.get("id").asText()).count()).isZero();
    // The history keeps where a ticket waited and how it ended, not the decisions and service tasks it passed.
    assertThat(passed(ticket.get("id").asText())).containsExactly("TicketDeflected");
  }

  @Test
  void aBusinessOwnerWithAWrongHostKeyAskingForPhoneGetsChatWithTheFailedVerificationAsReason() throws Exception {
    JsonNode ticket = api.submit(TicketApi.ticket("accountId", "acme-business", "requesterEmail", "owner@acme-business.example",
        "channel", "PHONE", "callerVerification", Map.of("personalMeetingId", "5550120000", "hostKey", "999999")));

    assertThat(ticket.get("channel").asText()).isEqualTo("CHAT");
    assertThat(ticket.get("requestedChannel").asText()).isEqualTo("PHONE");
    assertThat(ticket.get("channelReason").asText()).contains("caller verification failed");
    assertThat(ticket.get("queue").asText()).isEqualTo("support-chat");
    assertThat(instance(ticket)).isWaitingAt("FirstResponse");
  }

  @Test
  void aVerifiedBusinessOwnerIsServedByPhone() throws Exception {
    JsonNode ticket = api.submit(TicketApi.ticket("accountId", "acme-business", "requesterEmail", "owner@acme-business.example",
        "channel", "PHONE", "impact", "SERVICE_DOWN", "callerVerification", Map.of("personalMeetingId", "5550120000", "hostKey", "200100")));

    assertThat(ticket.get("channel").asText()).isEqualTo("PHONE");
    assertThat(ticket.get("priority").asText()).isEqualTo("P1");
    assertThat(ticket.get("status").asText()).isEqualTo("OPEN");
    assertThat(instance(ticket)).isWaitingAt("FirstResponse").task().hasCandidateGroup("support-phone");
  }

  @Test
  void anAgentRepliesTheCustomerAnswersTheAgentProposesAndTheCustomerAccepts() throws Exception {
    JsonNode ticket = api.submit(TicketApi.ticket());
    String id = ticket.get("id").asText();
    ProcessInstance instance = instance(ticket);
    assertThat(instance).isWaitingAt("FirstResponse").task().hasCandidateGroup("support-web");

    api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Which client version do you use?");
    assertThat(instance).isWaitingAt("AwaitCustomer");
    assertThat(api.view(id).get("status").asText()).isEqualTo("WAITING_ON_CUSTOMER");

    assertThat(api.customerWrites(id, "Version 6.2 on Windows").getResponse().getStatus()).isEqualTo(201);
    assertThat(instance).isWaitingAt("WorkTicket").task().hasCandidateGroup("support-web");
    assertThat(api.view(id).get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(String.valueOf(((Map<?, ?>) tasks.getVariable(api.task(id, "WorkTicket").getId(), "ticket")).get("conversation"))).contains("Version 6.2 on Windows").contains("Which client version");

    api.agentCompletes(id, "WorkTicket", "action", "PROPOSE_SOLUTION", "reply", "Update to 6.3, which fixes recording.");
    assertThat(instance).isWaitingAt("AwaitFeedback");
    assertThat(api.view(id).get("status").asText()).isEqualTo("SOLUTION_PROPOSED");

    assertThat(api.customerAnswers(id, true, "That fixed it").getResponse().getStatus()).isEqualTo(200);
    assertThat(instance).hasPassed("FeedbackReceived", "TicketClosed").isEnded();
    JsonNode closed = api.view(id);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("messages").findValuesAsText("author")).containsExactly("AGENT", "CUSTOMER", "AGENT", "CUSTOMER", "SYSTEM");
  }

  @Test
  void aCustomerWhoNeverRepliesIsClosedUnansweredAfterTheConfiguredTime() throws Exception {
    JsonNode ticket = api.submit(TicketApi.ticket());
    String id = ticket.get("id").asText();
    api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Can you send a screenshot?");

    Job silence = management.createJobQuery().processInstanceId(instance(ticket).getId()).activityId("CustomerUnresponsive").singleResult();
    assertThat(silence.getDuedate()).isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(6))));
    management.executeJob(silence.getId());

    assertThat(instance(ticket)).hasPassed("CustomerUnresponsive", "ClosedUnanswered").isEnded();
    assertThat(api.view(id).get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void anAgentHandsToEngineeringAndGetsTheTicketBackWithFindings() throws Exception {
    JsonNode ticket = api.submit(TicketApi.ticket());
    String id = ticket.get("id").asText();

    api.agentCompletes(id, "FirstResponse", "action", "ESCALATE_TO_ENGINEERING", "reply", "Our engineers are looking into it.");
    assertThat(instance(ticket)).isWaitingAt("InvestigateIssue").task().hasCandidateGroup("engineering");
    assertThat(api.view(id).get("status").asText()).isEqualTo("WITH_ENGINEERING");

    assertThatThrownBy(() -> api.agentCompletes(id, "InvestigateIssue", "engineeringNotes", " "))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("findings");
    api.agentCompletes(id, "InvestigateIssue", "engineeringNotes", "Bug 4711: recording flag lost on upgrade; fixed in 6.3.");
    assertThat(instance(ticket)).hasPassed("InvestigateIssue").isWaitingAt("WorkTicket");
    assertThat(taskVariable(id, "WorkTicket", "engineeringNotes")).contains("Bug 4711");
    assertThat(api.view(id).get("status").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void aRejectedSolutionReopensTheTicketForTheQueue() throws Exception {
    JsonNode ticket = api.submit(TicketApi.ticket());
    String id = ticket.get("id").asText();
    api.agentCompletes(id, "FirstResponse", "action", "PROPOSE_SOLUTION", "reply", "Restart the client.");

    assertThat(api.customerAnswers(id, false, "Still greyed out").getResponse().getStatus()).isEqualTo(200);

    assertThat(instance(ticket)).hasPassed("FeedbackReceived").isWaitingAt("WorkTicket");
    JsonNode reopened = api.view(id);
    assertThat(reopened.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(reopened.get("messages").get(1).get("body").asText()).contains("Rejected").contains("Still greyed out");
  }

  @Test
  void aCustomerSilentAfterAProposedSolutionIsAutoClosed() throws Exception {
    JsonNode ticket = api.submit(TicketApi.ticket());
    String id = ticket.get("id").asText();
    api.agentCompletes(id, "FirstResponse", "action", "PROPOSE_SOLUTION", "reply", "Restart the client.");

    management.executeJob(management.createJobQuery().processInstanceId(instance(ticket).getId()).activityId("CustomerSilent")
        .singleResult().getId());

    assertThat(instance(ticket)).hasPassed("CustomerSilent", "TicketAutoClosed").isEnded();
    assertThat(api.view(id).get("status").asText()).isEqualTo("CLOSED");
    assertThat(api.customerAnswers(id, true, "late").getResponse().getStatus()).isEqualTo(409);
    // A message within the reopen window reopens it for the queue (CustomerReopensTicketTest).
    assertThat(api.customerWrites(id, "hello?").getResponse().getStatus()).isEqualTo(201);
    assertThat(api.task(id, "WorkTicket")).isNotNull();
  }

  @Test
  void anAgentRaisesThePriorityAtTriageWithAReason() throws Exception {
    JsonNode ticket = api.submit(TicketApi.ticket());
    String id = ticket.get("id").asText();
    assertThat(ticket.get("priority").asText()).isEqualTo("P3");

    api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Looking into it.",
        "newPriority", "P1", "priorityReason", "Customer's webinar for 5,000 people starts in an hour");

    assertThat(api.view(id).get("priority").asText()).isEqualTo("P1");
    // The ticket keeps the priority, not the instance.
    assertThat(runtime.getVariable(instance(ticket).getId(), "priority")).isNull();
    assertThat(runtime.getVariable(instance(ticket).getId(), "newPriority")).isNull();
  }

  @Test
  void anAgentMustGiveAReasonForAPriorityChangeAndAReplyWhereTheActionSendsOne() throws Exception {
    String id = api.submitId(TicketApi.ticket());

    assertThatThrownBy(() -> api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Hi", "newPriority", "P1"))
        .hasMessageContaining("Give a reason");
    assertThatThrownBy(() -> api.agentCompletes(id, "FirstResponse", "action", "PROPOSE_SOLUTION"))
        .hasMessageContaining("Write a reply");
    assertThatThrownBy(() -> api.agentCompletes(id, "FirstResponse", "action", "CLOSE_IT"))
        .hasMessageContaining("action must be one of");

    assertThat(api.task(id, "FirstResponse")).isNotNull();
    assertThat(api.view(id).get("messages")).isEmpty();
  }

  private ProcessInstance instance(JsonNode ticket) {
    String id = ticket.get("id").asText();
    ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
    if (running != null) {
      return running;
    }
    // Ended: bpm-assert reads an ended instance's history through its id.
    String instanceId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    return new EndedInstance(instanceId, id);
  }

  private String taskVariable(String ticketId, String taskKey, String name) {
    return (String) tasks.getVariable(api.task(ticketId, taskKey).getId(), name);
  }

  private List<String> passed(String ticketId) {
    String instanceId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ticketId).singleResult().getId();
    return history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }
}
