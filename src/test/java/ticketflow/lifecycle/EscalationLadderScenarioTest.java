package ticketflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static ticketflow.lifecycle.IntakeTickets.nextTicketId;
import static ticketflow.lifecycle.IntakeTickets.outage;
import static ticketflow.lifecycle.IntakeTickets.question;
import static ticketflow.lifecycle.IntakeTickets.startVariables;
import static ticketflow.lifecycle.ProcessTestEngine.COMMITMENTS;
import static ticketflow.lifecycle.ProcessTestEngine.ENTITLEMENT;
import static ticketflow.lifecycle.ProcessTestEngine.LIFECYCLE;
import static ticketflow.lifecycle.ProcessTestEngine.PRIORITY;
import static ticketflow.lifecycle.ProcessTestEngine.PROCESS;
import static ticketflow.lifecycle.ProcessTestEngine.QUEUE;
import static ticketflow.lifecycle.StandInDelegates.Reached.atRisk;
import static ticketflow.lifecycle.StandInDelegates.Reached.escalated;
import static ticketflow.lifecycle.StandInDelegates.Reached.updateOverdue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.scenario.ProcessScenario;
import org.camunda.bpm.scenario.Scenario;
import org.camunda.bpm.scenario.act.UserTaskAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ticketflow.lifecycle.StandInDelegates.Reached;

/**
 * The commitment clocks of ticket-lifecycle: the first-response ladder (boundary timers on FirstResponse), the
 * resolution ladder and the update cycle (timers on branches of their own), each step calling its delegate with the
 * commitment and level it stands for. A scenario runner plays every wait state with a default action (agents answer
 * at once, the customer accepts the first proposal) and moves the engine's clock to each timer as it falls due;
 * a story changes only the actions it is about.
 */
class EscalationLadderScenarioTest {

  /** P1 answers within an hour: leads are warned at 45 min, escalated to at 60, managers at 90. */
  static final List<Reached> FIRST_RESPONSE_LADDER = List.of(
      atRisk("FIRST_RESPONSE", Duration.ofMinutes(45)),
      escalated("FIRST_RESPONSE", 1, Duration.ofMinutes(60)),
      escalated("FIRST_RESPONSE", 2, Duration.ofMinutes(90)));

  @RegisterExtension
  static final ProcessEngineExtension engine = ProcessTestEngine.withDeployment(LIFECYCLE, ENTITLEMENT, PRIORITY, QUEUE, COMMITMENTS);

  final ProcessScenario ticket = mock(ProcessScenario.class);
  StandInDelegates desk;

  @BeforeEach
  void everyWaitStateHasADefaultAction() {
    desk = new StandInDelegates().register();
    when(ticket.waitsAtUserTask("FirstResponse")).thenReturn(agentAnswers("PROPOSE_SOLUTION"));
    when(ticket.waitsAtUserTask("WorkTicket")).thenReturn(agentAnswers("PROPOSE_SOLUTION"));
    when(ticket.waitsAtUserTask("InvestigateIssue")).thenReturn(engineeringReportsBack());
    when(ticket.waitsAtEventBasedGateway("AwaitCustomer")).thenReturn(gateway ->
        gateway.getEventSubscription("CustomerReplied").receive());
    when(ticket.waitsAtEventBasedGateway("AwaitFeedback")).thenReturn(gateway ->
        gateway.getEventSubscription("FeedbackReceived").receive(withVariables("accepted", true)));
    // The intermediate timers (resolution ladder, update due) need no action: the runner fires each when due.
  }

  @AfterEach
  void closeTheDesk() {
    Mocks.reset();
  }

  @Test
  void aP1LeftUnansweredClimbsTheWholeFirstResponseLadderAndIsStillAnswered() {
    when(ticket.waitsAtUserTask("FirstResponse")).thenReturn(after(Duration.ofMinutes(100), agentAnswers("PROPOSE_SOLUTION")));

    run(outage());

    assertThat(desk.reached()).containsExactlyElementsOf(FIRST_RESPONSE_LADDER);
    verify(ticket).hasCompleted("FirstResponseAtRiskFlagged");
    verify(ticket).hasCompleted("FirstResponseEscalated");
    verify(ticket).hasCompleted("FirstResponseEscalatedToManagers");
    // Non-interrupting: the task stays with the agent, who still answers and closes the ticket.
    verify(ticket).hasCompleted("FirstResponse");
    verify(ticket).hasCompleted("TicketClosed");
    assertThat(desk.closedAt()).containsExactly("TicketClosed");
  }

  /**
   * Answering stops the ladder where it stands: the boundary timers still waiting go with the task, though the
   * ticket stays open (the customer takes two hours to reply).
   */
  @ParameterizedTest(name = "answered after {0}: {1} step(s)")
  @CsvSource({"PT30M, 0", "PT50M, 1", "PT75M, 2"})
  void aP1AnsweredLateClimbsOnlyTheStepsAlreadyDue(Duration answeredAfter, int stepsClimbed) {
    when(ticket.waitsAtUserTask("FirstResponse")).thenReturn(after(answeredAfter, agentAnswers("REPLY_AND_WAIT")));
    when(ticket.waitsAtEventBasedGateway("AwaitCustomer")).thenReturn(gateway ->
        gateway.defer("PT2H", () -> gateway.getEventSubscription("CustomerReplied").receive()));

    run(outage());

    assertThat(desk.reached()).containsExactlyElementsOf(FIRST_RESPONSE_LADDER.subList(0, stepsClimbed));
    List<String> steps = List.of("FirstResponseAtRisk", "FirstResponseBreached", "FirstResponseLevel2");
    for (int step = 0; step < steps.size(); step++) {
      verify(ticket, times(step < stepsClimbed ? 1 : 0)).hasStarted(steps.get(step));
    }
    verify(ticket).hasCompleted("CustomerReplied");
    verify(ticket).hasCompleted("TicketClosed");
  }

  @Test
  void aP1UnresolvedForADayAndAHalfClimbsTheResolutionLadder() {
    when(ticket.waitsAtUserTask("FirstResponse")).thenReturn(after(Duration.ofMinutes(10), agentAnswers("ESCALATE_TO_ENGINEERING")));
    when(ticket.waitsAtUserTask("InvestigateIssue")).thenReturn(after(Duration.ofHours(37), engineeringReportsBack()));

    run(outage());

    // P1 resolves within 24 h: warned at 18 h, leads at 24 h, managers at 36 h; no first-response step (answered in time).
    assertThat(reachedFor("RESOLUTION")).containsExactly(
        atRisk("RESOLUTION", Duration.ofHours(18)),
        escalated("RESOLUTION", 1, Duration.ofHours(24)),
        escalated("RESOLUTION", 2, Duration.ofHours(36)));
    assertThat(reachedFor("FIRST_RESPONSE")).isEmpty();
    verify(ticket).hasCompleted("ResolutionLadderClimbed");
    verify(ticket).hasCompleted("TicketClosed");
  }

  @Test
  void aP1OwedUpdatesIsFlaggedEveryFourHoursUntilItCloses() {
    when(ticket.waitsAtUserTask("FirstResponse")).thenReturn(after(Duration.ofMinutes(10), agentAnswers("ESCALATE_TO_ENGINEERING")));
    when(ticket.waitsAtUserTask("InvestigateIssue")).thenReturn(after(Duration.ofHours(9), engineeringReportsBack()));

    run(outage());

    assertThat(reachedFor("UPDATE")).containsExactly(updateOverdue(Duration.ofHours(4)), updateOverdue(Duration.ofHours(8)));
    // After each flag the cycle waits again; closing the ticket cancels the third wait.
    verify(ticket, times(3)).hasStarted("UpdateDue");
    verify(ticket, times(2)).hasCompleted("FlagUpdateOverdue");
    verify(ticket).hasCanceled("UpdateDue");
    verify(ticket, never()).hasStarted("NoUpdateCadence");
  }

  @Test
  void aQuestionLeftUnansweredClimbsOnlyTheFirstResponseLadder() {
    when(ticket.waitsAtUserTask("FirstResponse")).thenReturn(after(Duration.ofDays(4), agentAnswers("PROPOSE_SOLUTION")));

    run(question());

    // P4 answers within two days and promises neither a resolution time nor updates.
    assertThat(desk.reached()).containsExactly(
        atRisk("FIRST_RESPONSE", Duration.ofHours(36)),
        escalated("FIRST_RESPONSE", 1, Duration.ofHours(48)),
        escalated("FIRST_RESPONSE", 2, Duration.ofHours(72)));
    verify(ticket).hasCompleted("NoResolutionTarget");
    verify(ticket).hasCompleted("NoUpdateCadence");
    verify(ticket, never()).hasStarted("ResolutionAtRisk");
    verify(ticket, never()).hasStarted("UpdateDue");
    verify(ticket).hasCompleted("TicketClosed");
  }

  @Test
  void theUpdateCycleRunsBesideTheConversationWithTheCustomer() {
    // In production Commitments parks the update timer while the customer is awaited (it moves the job); the model
    // itself keeps the branch waiting beside the conversation.
    when(ticket.waitsAtUserTask("FirstResponse")).thenReturn(after(Duration.ofMinutes(10), agentAnswers("REPLY_AND_WAIT")));
    when(ticket.waitsAtEventBasedGateway("AwaitCustomer")).thenReturn(gateway ->
        gateway.defer("PT5H", () -> gateway.getEventSubscription("CustomerReplied").receive()));

    run(outage());

    assertThat(reachedFor("UPDATE")).containsExactly(updateOverdue(Duration.ofHours(4)));
    verify(ticket).hasCompleted("CustomerReplied");
    verify(ticket).hasCompleted("WorkTicket");
    verify(ticket).hasCompleted("TicketClosed");
  }

  // --- Running a ticket and the actions at its wait states ------------------------------------------------------------

  private void run(Map<String, String> submitted) {
    String ticketId = nextTicketId();
    Scenario.run(ticket).startByKey(PROCESS, ticketId, startVariables(ticketId, submitted))
        .engine(engine.getProcessEngine()).execute();
  }

  /** FirstResponse or WorkTicket: the agent picks the next step and writes to the customer. */
  private static UserTaskAction agentAnswers(String action) {
    return task -> task.complete(withVariables("action", action, "reply", "Please update to 6.3."));
  }

  /** InvestigateIssue: engineering writes down what it found. */
  private static UserTaskAction engineeringReportsBack() {
    return task -> task.complete(withVariables("engineeringNotes", "Bug 4711, fixed in 6.3."));
  }

  /** The same action, taken only after the given time has passed on the engine's clock. */
  private static UserTaskAction after(Duration wait, UserTaskAction action) {
    return task -> task.defer(wait.toString(), () -> action.execute(task));
  }

  private List<Reached> reachedFor(String commitment) {
    return desk.reached().stream().filter(step -> step.commitment().equals(commitment)).toList();
  }
}
