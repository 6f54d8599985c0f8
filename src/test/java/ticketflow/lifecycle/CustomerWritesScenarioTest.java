package ticketflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ticketflow.lifecycle.IntakeTickets.nextTicketId;
import static ticketflow.lifecycle.IntakeTickets.outage;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No customer message goes unread, in the model: a message instead of a verdict on a proposed solution goes back to
 * the queue, as a rejection does; a closed ticket reopened by the customer starts again before Work ticket
 * (ReopenClosedTicket), with the commitment branches started where the model declares them, and runs the model's
 * paths from there. The API side is CustomerReopensTicketTest.
 */
class CustomerWritesScenarioTest {

  static final Instant MONDAY_MORNING = TicketLifecycleScenarioTest.MONDAY_MORNING;

  @RegisterExtension
  static final ProcessEngineExtension engine = ProcessTestEngine.withDeployment(LIFECYCLE, ENTITLEMENT, PRIORITY, QUEUE, COMMITMENTS);

  StandInDelegates desk;

  @BeforeEach
  void openTheDesk() {
    init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
    desk = new StandInDelegates().register();
  }

  @AfterEach
  void closeTheDesk() {
    Mocks.reset();
    ClockUtil.reset();
    reset();
  }

  @Test
  void aMessageInsteadOfFeedbackGoesBackToTheQueueAsARejectionWould() {
    ProcessInstance ticket = submit(ticket());
    agentAnswers(ticket, "FirstResponse", "PROPOSE_SOLUTION");
    assertThat(ticket).isWaitingAt("AwaitFeedback");

    customerWrites(ticket);

    assertThat(ticket).hasPassed("CustomerWroteInstead", "BackToWork").hasNotPassed("FeedbackReceived", "TicketClosed")
        .isWaitingAt("WorkTicket").task().hasCandidateGroup("support-web").hasDueDate(Date.from(MONDAY_MORNING.plus(Duration.ofDays(10))));
    // The silence timer went with the gateway's other branches.
    assertThat(managementService().createJobQuery().processInstanceId(ticket.getId()).activityId("CustomerSilent").count()).isZero();
    assertThat(desk.closedAt()).isEmpty();

    agentAnswers(ticket, "WorkTicket", "PROPOSE_SOLUTION");
    customerAccepts(ticket);
    assertThat(ticket).hasPassed("TicketClosed").isEnded();
  }

  @Test
  void aReopenedTicketStartsAtWorkTicketWithItsClocksAndRunsTheModelFromThere() {
    ProcessInstance first = submit(outage());
    agentAnswers(first, "FirstResponse", "PROPOSE_SOLUTION");
    customerAccepts(first);
    assertThat(first).isEnded();

    ProcessInstance reopened = reopen(first);

    assertThat(reopened).isWaitingAt("WorkTicket").task().hasCandidateGroup("support-web");
    assertThat(reopened).hasNotPassed("FirstResponse", "OpenTicket", "TrackCommitments");
    // P1: the resolution ladder and the update cycle run again beside the task.
    assertThat(timers(reopened)).containsExactlyInAnyOrder("ResolutionAtRisk", "UpdateDue");

    agentAnswers(reopened, "WorkTicket", "REPLY_AND_WAIT");
    runtimeService().createMessageCorrelation("CustomerMessage").processInstanceBusinessKey(reopened.getBusinessKey()).correlate();
    assertThat(reopened).isWaitingAt("WorkTicket");
    agentAnswers(reopened, "WorkTicket", "PROPOSE_SOLUTION");
    customerAccepts(reopened);
    assertThat(reopened).hasPassed("TicketClosed").isEnded();
    assertThat(desk.closedAt()).containsExactly("TicketClosed", "TicketClosed");
  }

  @Test
  void aReopenedTicketWithoutResolutionTargetRunsNoClock() {
    ProcessInstance first = submit(IntakeTickets.question());
    agentAnswers(first, "FirstResponse", "PROPOSE_SOLUTION");
    customerAccepts(first);

    ProcessInstance reopened = reopen(first);

    assertThat(reopened).isWaitingAt("WorkTicket");
    assertThat(timers(reopened)).isEmpty();
  }

  /**
   * As ReopenClosedTicket does: a new instance before WorkTicket with the ticket's variables, then the branches of the
   * clocks that run again (ReopenedCommitments.startBranches: the gateways whose flows ask slaDue.has).
   */
  private ProcessInstance reopen(ProcessInstance closed) {
    // What ReopenClosedTicket rebuilds from the ticket row and the commitments table (values here only fill the task).
    Map<String, Object> before = Map.of("queue", "support-web", "priority", "P3", "channel", "WEB",
        "escalationLevel", 0);
    ProcessInstance reopened = runtimeService().createProcessInstanceByKey(PROCESS).businessKey(closed.getBusinessKey())
        .setVariables(startVariables(closed.getBusinessKey(), ticket())).setVariables(before)
        .startBeforeActivity("WorkTicket").execute();
    SlaDueStandIn slaDue = (SlaDueStandIn) Mocks.get("slaDue");
    for (String[] branch : new String[][] {{"RESOLUTION", "HasResolutionTarget"}, {"UPDATE", "HasUpdateCadence"}}) {
      if (slaDue.has(closed.getBusinessKey(), branch[0])) {
        runtimeService().createProcessInstanceModification(reopened.getId()).startBeforeActivity(branch[1]).execute();
      }
    }
    return reopened;
  }

  private ProcessInstance submit(Map<String, String> ticket) {
    String ticketId = nextTicketId();
    return runtimeService().startProcessInstanceByKey(PROCESS, ticketId, startVariables(ticketId, ticket));
  }

  private static void agentAnswers(ProcessInstance ticket, String taskKey, String action) {
    complete(task(taskKey, ticket), withVariables("action", action, "reply", "Please update to 6.3."));
  }

  /** POST /api/tickets/{id}/messages while a solution is proposed: TicketProcess.customerReplied. */
  private static void customerWrites(ProcessInstance ticket) {
    runtimeService().createMessageCorrelation("CustomerMessage").processInstanceBusinessKey(ticket.getBusinessKey()).correlate();
  }

  private static void customerAccepts(ProcessInstance ticket) {
    runtimeService().createMessageCorrelation("CustomerFeedback").processInstanceBusinessKey(ticket.getBusinessKey())
        .setVariable("accepted", true).correlate();
  }

  private static Set<String> timers(ProcessInstance ticket) {
    Set<String> timers = new TreeSet<>();
    managementService().createJobQuery().processInstanceId(ticket.getId()).timers().list().forEach(timer ->
        timers.add(managementService().createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult()
            .getActivityId()));
    return timers;
  }
}
