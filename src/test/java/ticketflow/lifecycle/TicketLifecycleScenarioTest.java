package ticketflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ticketflow.lifecycle.IntakeTickets.AUTO_CLOSE_AFTER;
import static ticketflow.lifecycle.IntakeTickets.nextTicketId;
import static ticketflow.lifecycle.IntakeTickets.question;
import static ticketflow.lifecycle.IntakeTickets.startVariables;
import static ticketflow.lifecycle.IntakeTickets.ticket;
import static ticketflow.lifecycle.ProcessTestEngine.COMMITMENTS;
import static ticketflow.lifecycle.ProcessTestEngine.ENTITLEMENT;
import static ticketflow.lifecycle.ProcessTestEngine.LIFECYCLE;
import static ticketflow.lifecycle.ProcessTestEngine.PRIORITY;
import static ticketflow.lifecycle.ProcessTestEngine.PROCESS;
import static ticketflow.lifecycle.ProcessTestEngine.QUEUE;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ticket-lifecycle on its own, one story per business path: a standalone engine runs the real model and decision
 * tables, stand-ins play the delegates (StandInDelegates). TicketLifecycleProcessTest drives the same paths through
 * the whole application; these pin the model, in a fraction of the time. The escalation ladders and the update
 * cycle are in EscalationLadderScenarioTest.
 */
class TicketLifecycleScenarioTest {

  /** Monday 2026-11-30 10:00 in Los Angeles; the stand-ins count targets on the wall clock from here. */
  static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T18:00:00Z");

  @RegisterExtension
  static final ProcessEngineExtension engine = ProcessTestEngine.withDeployment(LIFECYCLE, ENTITLEMENT, PRIORITY, QUEUE, COMMITMENTS);

  StandInDelegates desk;

  @BeforeEach
  void openTheDesk() {
    init(engine.getProcessEngine());
    now(MONDAY_MORNING);
    desk = new StandInDelegates().register();
  }

  @AfterEach
  void closeTheDesk() {
    Mocks.reset();
    ClockUtil.reset();
    reset();
  }

  @Test
  void aFreeOwnerAskingForPhoneIsDeflectedToSelfServiceWithoutAnAgentTask() {
    ProcessInstance ticket = submit(ticket("plan", "FREE", "requestedChannel", "PHONE"));

    // The entitlement table grants a free plan the knowledge base and the chatbot only.
    assertThat(desk.entitledChannels(ticket.getBusinessKey())).containsExactlyInAnyOrder("SELF_SERVICE", "CHATBOT");
    assertThat(ticket).hasPassedInOrder("DetermineEntitlement", "AssignChannel", "IsDeflected", "SuggestArticles", "TicketDeflected")
        .hasNotPassed("DeterminePriority", "OpenTicket").isEnded();
    assertThat(desk.deflected()).containsExactly(ticket.getBusinessKey());
    assertThat(desk.agentWork()).isEmpty();
  }

  @Test
  void anAgentRepliesTheCustomerAnswersAndTheQueueSolvesIt() {
    ProcessInstance ticket = submit(ticket());
    assertThat(ticket).hasPassed("DeterminePriority", "DetermineQueue", "DetermineCommitments", "OpenTicket")
        .isWaitingAt("FirstResponse").task().hasCandidateGroup("support-web").hasDueDate(at(Duration.ofDays(1)));

    agentAnswers(ticket, "FirstResponse", "REPLY_AND_WAIT");
    assertThat(ticket).isWaitingAt("AwaitCustomer");

    customerReplies(ticket);
    // Back with the queue, due when the resolution target falls (P3: ten days).
    assertThat(ticket).hasPassed("CustomerReplied", "BackToWork")
        .isWaitingAt("WorkTicket").task().hasCandidateGroup("support-web").hasDueDate(at(Duration.ofDays(10)));

    agentAnswers(ticket, "WorkTicket", "PROPOSE_SOLUTION");
    assertThat(ticket).hasPassed("AgentActed", "ChooseAction").isWaitingAt("AwaitFeedback");

    customerAnswers(ticket, true);
    assertThat(ticket).hasPassed("FeedbackReceived", "SolutionAccepted", "TicketClosed").isEnded();
    assertThat(desk.closedAt()).containsExactly("TicketClosed");
    assertThat(desk.agentWork()).containsExactly("create FirstResponse", "complete FirstResponse", "create WorkTicket",
        "complete WorkTicket");
  }

  @Test
  void aCustomerWhoNeverRepliesIsClosedUnansweredAfterTheAutoCloseTime() {
    ProcessInstance ticket = submit(ticket());
    agentAnswers(ticket, "FirstResponse", "REPLY_AND_WAIT");

    customerStaysSilent(ticket, "CustomerUnresponsive");

    assertThat(ticket).hasPassed("CustomerUnresponsive", "ClosedUnanswered").hasNotPassed("CustomerReplied").isEnded();
    assertThat(desk.closedAt()).containsExactly("ClosedUnanswered");
    // The terminate end event takes the still-running commitment clocks with it.
    assertThat(timers(ticket)).isEmpty();
  }

  @Test
  void anAgentHandsTheTicketToEngineeringAndGetsItBackWithFindings() {
    ProcessInstance ticket = submit(ticket());

    agentAnswers(ticket, "FirstResponse", "ESCALATE_TO_ENGINEERING");
    assertThat(ticket).isWaitingAt("InvestigateIssue").task().hasCandidateGroup("engineering").hasDueDate(at(Duration.ofDays(10)));

    engineeringReportsBack(ticket);
    assertThat(ticket).hasPassed("InvestigateIssue", "BackToWork").isWaitingAt("WorkTicket");
    assertThat(desk.agentWork()).containsSubsequence("create InvestigateIssue", "complete InvestigateIssue", "create WorkTicket");
  }

  @Test
  void aCustomerAcceptingTheProposedSolutionClosesTheTicket() {
    ProcessInstance ticket = submit(ticket());

    agentAnswers(ticket, "FirstResponse", "PROPOSE_SOLUTION");
    customerAnswers(ticket, true);

    assertThat(ticket).hasPassed("AwaitFeedback", "FeedbackReceived", "TicketClosed").hasNotPassed("WorkTicket").isEnded();
    assertThat(desk.closedAt()).containsExactly("TicketClosed");
    assertThat(timers(ticket)).isEmpty();
  }

  @Test
  void aRejectedSolutionGoesBackToTheQueue() {
    ProcessInstance ticket = submit(ticket());

    agentAnswers(ticket, "FirstResponse", "PROPOSE_SOLUTION");
    customerAnswers(ticket, false);

    assertThat(ticket).hasPassed("SolutionAccepted", "BackToWork").hasNotPassed("TicketClosed").isWaitingAt("WorkTicket");
    assertThat(desk.closedAt()).isEmpty();
  }

  @Test
  void aCustomerSilentAfterAProposedSolutionIsAutoClosed() {
    ProcessInstance ticket = submit(ticket());
    agentAnswers(ticket, "FirstResponse", "PROPOSE_SOLUTION");

    customerStaysSilent(ticket, "CustomerSilent");

    assertThat(ticket).hasPassed("CustomerSilent", "TicketAutoClosed").hasNotPassed("FeedbackReceived").isEnded();
    assertThat(desk.closedAt()).containsExactly("TicketAutoClosed");
  }

  @Test
  void anOutageWithoutWorkaroundIsP1ForTheChatQueueWithAllThreeClocks() {
    ProcessInstance ticket = submit(ticket("impact", "SERVICE_DOWN", "workaround", "NONE", "requestedChannel", "CHAT"));

    assertThat(ticket).isWaitingAt("FirstResponse").task().hasCandidateGroup("support-chat").hasDueDate(at(Duration.ofHours(1)));
    assertThat(desk.triage(ticket.getBusinessKey())).containsEntry("priority", "P1").containsEntry("queue", "support-chat")
        .containsEntry("channel", "CHAT");
    assertThat(runtimeService().getVariables(ticket.getId())).containsEntry("escalationLevel", 0)
        .doesNotContainKeys("commitmentTargets", "priority", "queue", "channel");
    assertThat(desk.commitmentRow(ticket.getBusinessKey())).containsEntry("firstResponse", "PT1H")
        .containsEntry("updateEvery", "PT4H").containsEntry("resolution", "PT24H").containsEntry("calendar", "24x7");
    assertThat(timers(ticket)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "FirstResponseAtRisk", at(Duration.ofMinutes(45)),
        "FirstResponseBreached", at(Duration.ofMinutes(60)),
        "FirstResponseLevel2", at(Duration.ofMinutes(90)),
        "ResolutionAtRisk", at(Duration.ofHours(18)),
        "UpdateDue", at(Duration.ofHours(4))));
    assertThat(ticket).hasPassed("HasResolutionTarget", "HasUpdateCadence", "UpdateCycle")
        .hasNotPassed("NoResolutionTarget", "NoUpdateCadence");
  }

  /** Each priority's row of the commitments table decides which clocks the ticket runs beside its first response. */
  @ParameterizedTest(name = "{0} with workaround {1} is {2}")
  @CsvSource(delimiter = '|', textBlock = """
      SERVICE_DOWN           | NONE      | P1 | PT1H | ResolutionAtRisk UpdateDue |
      MAJOR_FEATURE_DEGRADED | PARTIAL   | P2 | PT4H | ResolutionAtRisk UpdateDue |
      FEATURE_ISSUE          | NONE      | P3 | P1D  | ResolutionAtRisk           | NoUpdateCadence
      INFORMATION_REQUEST    | AVAILABLE | P4 | P2D  |                            | NoResolutionTarget NoUpdateCadence
      """)
  void eachPriorityRunsTheClocksOfItsCommitmentsRow(String impact, String workaround, String priority, Duration firstResponse,
      String otherTimers, String clocksNotRun) {
    ProcessInstance ticket = submit(ticket("impact", impact, "workaround", workaround));

    assertThat(desk.triage(ticket.getBusinessKey())).containsEntry("priority", priority);
    assertThat(ticket).isWaitingAt("FirstResponse").task().hasDueDate(at(firstResponse));
    assertThat(timers(ticket).keySet()).containsExactlyInAnyOrderElementsOf(union(
        Set.of("FirstResponseAtRisk", "FirstResponseBreached", "FirstResponseLevel2"), words(otherTimers)));
    for (String noClock : List.of("NoResolutionTarget", "NoUpdateCadence")) {
      if (words(clocksNotRun).contains(noClock)) {
        assertThat(ticket).hasPassed(noClock);
      } else {
        assertThat(ticket).hasNotPassed(noClock);
      }
    }
  }

  @Test
  void aLowPriorityTicketBackWithTheQueueHasNoDueDate() {
    ProcessInstance ticket = submit(question());
    agentAnswers(ticket, "FirstResponse", "REPLY_AND_WAIT");

    customerReplies(ticket);

    // P4 has no resolution target: its due date (slaDue.due) is null and the task simply has no due date.
    assertThat(ticket).isWaitingAt("WorkTicket");
    assertThat(task("WorkTicket", ticket).getDueDate()).isNull();
  }

  /** Team categories go to their team whatever the plan: anyone may report abuse or ask about a bill. */
  @ParameterizedTest(name = "{0} by {1} goes to {2}")
  @CsvSource({
      "ABUSE_REPORT,        WEB,   trust-and-safety",
      "BILLING_DISCREPANCY, WEB,   billing",
      "SALES_INQUIRY,       WEB,   sales",
      "TECHNICAL,           PHONE, support-phone"})
  void theQueueTableRoutesTheFirstResponse(String category, String channel, String queue) {
    // A basic seat on a free plan for the team categories; a business owner, entitled to phone, for the technical one.
    ProcessInstance ticket = submit(category.equals("TECHNICAL")
        ? ticket("plan", "BUSINESS", "role", "OWNER", "category", category, "requestedChannel", channel)
        : ticket("plan", "FREE", "role", "BASIC", "category", category, "requestedChannel", channel));

    assertThat(desk.triage(ticket.getBusinessKey())).containsEntry("channel", channel);
    assertThat(ticket).isWaitingAt("FirstResponse").task().hasCandidateGroup(queue);
  }

  @Test
  void theFirstResponseIsOfferedToEveryGroupOpenTicketNames() {
    desk.alsoOfferTo("support-oncall");

    ProcessInstance ticket = submit(ticket("impact", "MAJOR_FEATURE_DEGRADED", "workaround", "PARTIAL"));

    assertThat(ticket).isWaitingAt("FirstResponse").task().hasCandidateGroup("support-web").hasCandidateGroup("support-oncall");
  }

  /** Starts the instance as TicketProcess does: the business key is the ticket id. */
  private ProcessInstance submit(Map<String, String> ticket) {
    String ticketId = nextTicketId();
    return runtimeService().startProcessInstanceByKey(PROCESS, ticketId, startVariables(ticketId, ticket));
  }

  // --- The default action at each wait state -------------------------------------------------------------------------

  /** FirstResponse or WorkTicket: the agent picks the next step and writes to the customer. */
  private static void agentAnswers(ProcessInstance ticket, String taskKey, String action) {
    complete(task(taskKey, ticket), withVariables("action", action, "reply", "Please update to 6.3."));
  }

  /** InvestigateIssue: engineering writes down what it found. */
  private static void engineeringReportsBack(ProcessInstance ticket) {
    complete(task("InvestigateIssue", ticket), withVariables("engineeringNotes", "Bug 4711, fixed in 6.3."));
  }

  /** AwaitCustomer: the customer writes back (TicketProcess.customerReplied). */
  private static void customerReplies(ProcessInstance ticket) {
    runtimeService().createMessageCorrelation("CustomerMessage").processInstanceBusinessKey(ticket.getBusinessKey()).correlate();
  }

  /** AwaitFeedback: the customer accepts or rejects the proposed solution (TicketProcess.feedbackGiven). */
  private static void customerAnswers(ProcessInstance ticket, boolean accepted) {
    runtimeService().createMessageCorrelation("CustomerFeedback").processInstanceBusinessKey(ticket.getBusinessKey())
        .setVariable("accepted", accepted).correlate();
  }

  /** AwaitCustomer or AwaitFeedback: nothing comes; the auto-close timer falls due after the configured time. */
  private void customerStaysSilent(ProcessInstance ticket, String timer) {
    Job silence = job(timer, ticket);
    assertThat(silence).hasDueDate(Date.from(ClockUtil.now().toInstant().plus(AUTO_CLOSE_AFTER)));
    now(silence.getDuedate().toInstant());
    execute(silence);
  }

  // --- Time and timers -----------------------------------------------------------------------------------------------

  private static void now(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** A moment after Monday morning, when every ticket here is submitted. */
  private static Date at(Duration afterSubmission) {
    return Date.from(MONDAY_MORNING.plus(afterSubmission));
  }

  /** The instance's waiting timers by activity id, with their due dates. */
  private static Map<String, Date> timers(ProcessInstance ticket) {
    Map<String, Date> timers = new TreeMap<>();
    managementService().createJobQuery().processInstanceId(ticket.getId()).timers().list().forEach(timer ->
        timers.put(managementService().createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult()
            .getActivityId(), timer.getDuedate()));
    return timers;
  }

  private static Set<String> words(String text) {
    return text == null || text.isBlank() ? Set.of() : Set.of(text.trim().split("\\s+"));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
