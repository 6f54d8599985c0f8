package ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import ticketflow.TicketApi;
import ticketflow.calendar.SupportCalendar;
import ticketflow.calendar.SupportCalendars;

/**
 * The response commitments kept by timers, with the engine's clock moved by the test.
 * Runs on H2 ({@link CommitmentTimersProcessOnH2Test}) and PostgreSQL ({@link CommitmentTimersProcessOnPostgresTest}).
 */
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
abstract class CommitmentTimersProcessTest {

  /** Monday 2026-11-30 10:00 in Los Angeles: inside business hours. */
  static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T18:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired SupportCalendars calendars;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  TicketApi api;

  @BeforeEach
  void setUp() {
    init(engine);
    api = new TicketApi(mvc, json, tasks);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aP1GoesAtRiskAt45MinutesIsBreachedAt60AndReachesLevel2At90() throws Exception {
    now(MONDAY_MORNING);
    String id = api.submitId(TicketApi.ticket("impact", "SERVICE_DOWN", "channel", "CHAT"));
    assertThat(api.view(id).get("priority").asText()).isEqualTo("P1");
    assertThat(due(id, "FirstResponseAtRisk")).isEqualTo(MONDAY_MORNING.plus(Duration.ofMinutes(45)));
    assertThat(due(id, "FirstResponseBreached")).isEqualTo(MONDAY_MORNING.plus(Duration.ofMinutes(60)));
    assertThat(due(id, "FirstResponseLevel2")).isEqualTo(MONDAY_MORNING.plus(Duration.ofMinutes(90)));

    fire(id, "FirstResponseAtRisk", MONDAY_MORNING.plus(Duration.ofMinutes(45)));
    JsonNode atRisk = api.view(id);
    assertThat(atRisk.at("/sla/firstResponse/state").asText()).isEqualTo("AT_RISK");
    assertThat(atRisk.at("/sla/events/0/event").asText()).isEqualTo("AT_RISK");
    assertThat(atRisk.at("/sla/events/0/at").asText()).isEqualTo("2026-11-30T18:45:00Z");
    assertThat(atRisk.get("escalationLevel").asInt()).isZero();
    assertThat(candidateGroups(id)).containsExactly("support-chat");

    fire(id, "FirstResponseBreached", MONDAY_MORNING.plus(Duration.ofMinutes(60)));
    JsonNode breached = api.view(id);
    assertThat(breached.at("/sla/firstResponse/state").asText()).isEqualTo("BREACHED");
    assertThat(breached.get("escalationLevel").asInt()).isEqualTo(1);
    assertThat(events(breached)).containsExactly("AT_RISK@2026-11-30T18:45:00Z", "BREACHED@2026-11-30T19:00:00Z",
        "ESCALATED@2026-11-30T19:00:00Z");
    assertThat(candidateGroups(id)).containsExactlyInAnyOrder("support-chat", "support-leads", "engineering-oncall");

    fire(id, "FirstResponseLevel2", MONDAY_MORNING.plus(Duration.ofMinutes(90)));
    JsonNode level2 = api.view(id);
    assertThat(level2.get("escalationLevel").asInt()).isEqualTo(2);
    assertThat(level2.at("/sla/events/3/level").asInt()).isEqualTo(2);
    assertThat(level2.at("/sla/events/3/at").asText()).isEqualTo("2026-11-30T19:30:00Z");
    assertThat(candidateGroups(id)).contains("support-managers");

    now(MONDAY_MORNING.plus(Duration.ofMinutes(95)));
    api.agentCompletes(id, "FirstResponse", "action", "PROPOSE_SOLUTION", "reply", "Restart the meeting servers' region.");
    JsonNode answered = api.view(id);
    assertThat(answered.at("/sla/firstResponse/metAt").asText()).isEqualTo("2026-11-30T19:35:00Z");
    assertThat(answered.at("/sla/firstResponse/state").asText()).isEqualTo("MET");
    assertThat(jobs(id)).doesNotContain("FirstResponseAtRisk", "FirstResponseBreached", "FirstResponseLevel2");
  }

  @Test
  void aP3ThatWaitedThreeBusinessDaysOnTheCustomerHasItsResolutionDueMovedByExactlyThatTime() throws Exception {
    SupportCalendar business = calendars.get("business");
    now(MONDAY_MORNING);
    String id = api.submitId(TicketApi.ticket());
    Instant due = Instant.parse(api.view(id).at("/sla/resolution/dueAt").asText());
    assertThat(due).isEqualTo(business.plus(MONDAY_MORNING, Duration.ofHours(80)));
    assertThat(due(id, "ResolutionAtRisk")).isEqualTo(business.plus(MONDAY_MORNING, Duration.ofHours(60)));

    now(MONDAY_MORNING.plus(Duration.ofHours(1)));
    api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Which version do you run?");
    JsonNode waiting = api.view(id);
    assertThat(waiting.at("/sla/resolution/state").asText()).isEqualTo("PAUSED");
    assertThat(due(id, "ResolutionAtRisk")).isAfter(Instant.parse("9000-01-01T00:00:00Z"));

    // Thursday 11:00: three business days later, the customer answers.
    Instant thursday = MONDAY_MORNING.plus(Duration.ofDays(3)).plus(Duration.ofHours(1));
    now(thursday);
    assertThat(api.customerWrites(id, "Version 6.2").getResponse().getStatus()).isEqualTo(201);

    JsonNode resumed = api.view(id);
    Instant movedDue = Instant.parse(resumed.at("/sla/resolution/dueAt").asText());
    assertThat(business.openTimeBetween(due, movedDue)).isEqualTo(Duration.ofHours(24));
    assertThat(movedDue).isEqualTo(Instant.parse("2026-12-17T18:00:00Z"));
    assertThat(due(id, "ResolutionAtRisk")).isEqualTo(business.plus(MONDAY_MORNING, Duration.ofHours(60 + 24)));
    assertThat(resumed.at("/sla/resolution/state").asText()).isEqualTo("RUNNING");
    assertThat(events(resumed)).containsExactly("MET@2026-11-30T19:00:00Z", "PAUSED@2026-11-30T19:00:00Z",
        "RESUMED@2026-12-03T19:00:00Z");
  }

  @Test
  void aPriorityChangeFromP3ToP1AtTriageMovesTheWaitingTimersInsteadOfAddingNewOnes() throws Exception {
    now(MONDAY_MORNING);
    String id = api.submitId(TicketApi.ticket());
    Map<String, String> before = jobIds(id);
    assertThat(before).containsOnlyKeys("FirstResponseAtRisk", "FirstResponseBreached", "FirstResponseLevel2", "ResolutionAtRisk");

    now(MONDAY_MORNING.plus(Duration.ofMinutes(10)));
    var changed = api.perform(MockMvcRequestBuilders.post("/api/tickets/" + id + "/priority"), "web.agent",
        Map.of("priority", "P1", "reason", "The customer's all-hands starts in two hours"));
    assertThat(changed.getResponse().getStatus()).as(changed.getResponse().getContentAsString()).isEqualTo(200);

    Map<String, String> after = jobIds(id);
    // The same timers, moved; P1 adds the periodic update that P3 did not have.
    before.forEach((activity, jobId) -> assertThat(after).containsEntry(activity, jobId));
    assertThat(after).containsOnlyKeys("FirstResponseAtRisk", "FirstResponseBreached", "FirstResponseLevel2", "ResolutionAtRisk", "UpdateDue");
    assertThat(due(id, "FirstResponseAtRisk")).isEqualTo(MONDAY_MORNING.plus(Duration.ofMinutes(45)));
    assertThat(due(id, "FirstResponseBreached")).isEqualTo(MONDAY_MORNING.plus(Duration.ofMinutes(60)));
    assertThat(due(id, "FirstResponseLevel2")).isEqualTo(MONDAY_MORNING.plus(Duration.ofMinutes(90)));
    assertThat(due(id, "ResolutionAtRisk")).isEqualTo(MONDAY_MORNING.plus(Duration.ofHours(18)));
    JsonNode view = api.view(id);
    assertThat(view.get("priority").asText()).isEqualTo("P1");
    assertThat(view.at("/sla/resolution/dueAt").asText()).isEqualTo("2026-12-01T18:00:00Z");
    // The ticket keeps the priority, not the instance; Tasklist's column reads the open task's copy.
    assertThat(runtime.getVariable(instanceId(id), "priority")).isNull();
    assertThat(tasks.getVariableLocal(api.task(id, "FirstResponse").getId(), "priority")).isEqualTo("P1");
  }

  @Test
  void aP2SubmittedOutsideBusinessHoursIsAlsoOfferedToOnCall() throws Exception {
    now(Instant.parse("2026-11-28T20:00:00Z")); // Saturday noon in Los Angeles
    String id = api.submitId(TicketApi.ticket("impact", "MAJOR_FEATURE_DEGRADED", "workaround", "PARTIAL"));
    assertThat(api.view(id).get("priority").asText()).isEqualTo("P2");
    assertThat(candidateGroups(id)).containsExactlyInAnyOrder("support-web", "support-oncall");
    // Business hours count from Monday's opening: 4 business hours → Monday 13:00.
    assertThat(api.view(id).at("/sla/firstResponse/dueAt").asText()).isEqualTo("2026-11-30T21:00:00Z");

    now(MONDAY_MORNING);
    String daytime = api.submitId(TicketApi.ticket("impact", "MAJOR_FEATURE_DEGRADED", "workaround", "PARTIAL"));
    assertThat(candidateGroups(daytime)).containsExactly("support-web");
  }

  @Test
  void aP1OwedAnUpdateIsFlaggedAndTheNextUpdateFallsDueOneCadenceLater() throws Exception {
    now(MONDAY_MORNING);
    String id = api.submitId(TicketApi.ticket("impact", "SERVICE_DOWN"));
    now(MONDAY_MORNING.plus(Duration.ofMinutes(20)));
    api.agentCompletes(id, "FirstResponse", "action", "ESCALATE_TO_ENGINEERING", "reply", "Engineering is on it.");
    assertThat(due(id, "UpdateDue")).isEqualTo(MONDAY_MORNING.plus(Duration.ofMinutes(20 + 240)));

    fire(id, "UpdateDue", MONDAY_MORNING.plus(Duration.ofMinutes(260)));
    JsonNode overdue = api.view(id);
    assertThat(overdue.at("/sla/update/state").asText()).isEqualTo("BREACHED");
    assertThat(due(id, "UpdateDue")).isEqualTo(MONDAY_MORNING.plus(Duration.ofMinutes(260 + 240)));

    now(MONDAY_MORNING.plus(Duration.ofMinutes(300)));
    api.agentCompletes(id, "InvestigateIssue", "engineeringNotes", "Region failover in progress.");
    api.agentCompletes(id, "WorkTicket", "action", "REPLY_AND_WAIT", "reply", "Failover is in progress; next update within 4 h.");
    assertThat(api.view(id).at("/sla/update/state").asText()).isEqualTo("PAUSED");
  }

  @Test
  void aTicketWithoutCommitmentsBeyondTheFirstResponseRunsNoOtherClock() throws Exception {
    now(MONDAY_MORNING);
    String id = api.submitId(TicketApi.ticket("impact", "INFORMATION_REQUEST"));
    JsonNode view = api.view(id);
    assertThat(view.get("priority").asText()).isEqualTo("P4");
    assertThat(view.at("/sla/resolution/state").asText()).isEqualTo("NONE");
    assertThat(view.at("/sla/update/state").asText()).isEqualTo("NONE");
    assertThat(jobs(id)).containsOnly("FirstResponseAtRisk", "FirstResponseBreached", "FirstResponseLevel2");
    // Resolution ladder: the at-risk, breach and level-2 steps on a P1 resolution, fired in turn.
    String urgent = api.submitId(TicketApi.ticket("impact", "SERVICE_DOWN"));
    api.agentCompletes(urgent, "FirstResponse", "action", "ESCALATE_TO_ENGINEERING", "reply", "On it.");
    fire(urgent, "ResolutionAtRisk", MONDAY_MORNING.plus(Duration.ofHours(18)));
    fire(urgent, "ResolutionBreached", MONDAY_MORNING.plus(Duration.ofHours(24)));
    fire(urgent, "ResolutionLevel2", MONDAY_MORNING.plus(Duration.ofHours(36)));
    JsonNode climbed = api.view(urgent);
    assertThat(climbed.at("/sla/resolution/state").asText()).isEqualTo("BREACHED");
    assertThat(climbed.get("escalationLevel").asInt()).isEqualTo(2);
    assertThat(candidateGroups(urgent, "InvestigateIssue")).contains("support-leads", "support-managers");
  }

  private void now(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  private void fire(String ticketId, String timer, Instant at) {
    now(at);
    management.executeJob(job(ticketId, timer).getId());
  }

  private Instant due(String ticketId, String timer) {
    return job(ticketId, timer).getDuedate().toInstant();
  }

  private Job job(String ticketId, String timer) {
    Job job = management.createJobQuery().processInstanceId(instanceId(ticketId)).activityId(timer).singleResult();
    assertThat(job).as("timer %s of %s", timer, ticketId).isNotNull();
    return job;
  }

  private List<String> jobs(String ticketId) {
    return List.copyOf(jobIds(ticketId).keySet());
  }

  private Map<String, String> jobIds(String ticketId) {
    Map<String, String> ids = new java.util.TreeMap<>();
    management.createJobQuery().processInstanceId(instanceId(ticketId)).list()
        .forEach(j -> ids.put(management.createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId()).singleResult()
            .getActivityId(), j.getId()));
    return ids;
  }

  private String instanceId(String ticketId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).singleResult().getId();
  }

  private List<String> candidateGroups(String ticketId) {
    return candidateGroups(ticketId, "FirstResponse");
  }

  private List<String> candidateGroups(String ticketId, String taskKey) {
    return tasks.getIdentityLinksForTask(api.task(ticketId, taskKey).getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  private static List<String> events(JsonNode view) {
    return java.util.stream.StreamSupport.stream(view.at("/sla/events").spliterator(), false)
        .map(e -> e.get("event").asText() + "@" + e.get("at").asText()).toList();
  }
}
