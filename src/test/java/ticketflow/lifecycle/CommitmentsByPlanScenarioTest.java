package ticketflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static ticketflow.lifecycle.IntakeTickets.nextTicketId;
import static ticketflow.lifecycle.IntakeTickets.startVariables;
import static ticketflow.lifecycle.IntakeTickets.ticket;
import static ticketflow.lifecycle.ProcessTestEngine.ENTITLEMENT;
import static ticketflow.lifecycle.ProcessTestEngine.LIFECYCLE;
import static ticketflow.lifecycle.ProcessTestEngine.PRIORITY;
import static ticketflow.lifecycle.ProcessTestEngine.PROCESS;
import static ticketflow.lifecycle.ProcessTestEngine.QUEUE;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A designer's commitments table that looks at the plan as well as the priority: ENTERPRISE gets a first response to
 * a P2 within the hour, every other plan within four. The business-rule task gives the table the ticket's plan, queue
 * and channel, so the ticket's own clocks follow with no Java.
 */
class CommitmentsByPlanScenarioTest {

  static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T18:00:00Z");
  static final String ENTERPRISE_FASTER_P2 = "dmn/commitments-enterprise-faster-p2.dmn";

  @RegisterExtension
  static final ProcessEngineExtension engine =
      ProcessTestEngine.withDeployment(LIFECYCLE, ENTITLEMENT, PRIORITY, QUEUE, ENTERPRISE_FASTER_P2);

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
  void anEnterpriseP2GetsAShorterFirstResponseThanAProP2() {
    ProcessInstance enterprise = submit(majorDegradation("ENTERPRISE"));
    ProcessInstance pro = submit(majorDegradation("PRO"));

    assertThat(desk.commitmentRow(enterprise.getBusinessKey())).containsEntry("firstResponse", "PT1H");
    assertThat(desk.commitmentRow(pro.getBusinessKey())).containsEntry("firstResponse", "PT4H");
    assertThat(enterprise).isWaitingAt("FirstResponse").task().hasDueDate(at(Duration.ofHours(1)));
    assertThat(pro).isWaitingAt("FirstResponse").task().hasDueDate(at(Duration.ofHours(4)));
    assertThat(breachDue(enterprise)).isEqualTo(at(Duration.ofHours(1)));
    assertThat(breachDue(pro)).isEqualTo(at(Duration.ofHours(4)));
  }

  @Test
  void theOtherCommitmentsOfAnEnterpriseP2AreThoseOfEveryP2() {
    ProcessInstance enterprise = submit(majorDegradation("ENTERPRISE"));
    ProcessInstance pro = submit(majorDegradation("PRO"));

    Map<String, Object> enterpriseRow = desk.commitmentRow(enterprise.getBusinessKey());
    Map<String, Object> proRow = desk.commitmentRow(pro.getBusinessKey());
    for (String column : new String[] {"updateEvery", "resolution", "calendar", "taskPriority"}) {
      assertThat(enterpriseRow.get(column)).as(column).isEqualTo(proRow.get(column));
    }
  }

  @Test
  void anEnterpriseP3KeepsTheP3Commitments() {
    ProcessInstance enterprise = submit(ticket("plan", "ENTERPRISE"));

    assertThat(desk.commitmentRow(enterprise.getBusinessKey())).containsEntry("firstResponse", "P1D");
  }

  /** A major feature degraded without a workaround: P2, on the web for support-web. */
  private static Map<String, String> majorDegradation(String plan) {
    return ticket("plan", plan, "impact", "MAJOR_FEATURE_DEGRADED", "workaround", "NONE");
  }

  private static ProcessInstance submit(Map<String, String> ticket) {
    String ticketId = nextTicketId();
    return runtimeService().startProcessInstanceByKey(PROCESS, ticketId, startVariables(ticketId, ticket));
  }

  /** When the first-response ladder's breach timer (the one at 100 %) falls due. */
  private static Date breachDue(ProcessInstance ticket) {
    return managementService().createJobQuery().processInstanceId(ticket.getId()).timers()
        .activityId("FirstResponseBreached").singleResult().getDuedate();
  }

  private static Date at(Duration afterSubmission) {
    return Date.from(MONDAY_MORNING.plus(afterSubmission));
  }
}
