package ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;
import ticketflow.calendar.SupportCalendar;
import ticketflow.calendar.SupportCalendars;

/**
 * The clocks while a ticket waits on the customer, across priority changes and escalations, with the engine's clock
 * moved by the test: a proposed solution stops resolution and updates, an escalation reaches every later task, and
 * a priority change measures the waiting again on the new priority's calendar.
 */
@TicketflowTest
class CommitmentClocksProcessTest {

  /** Monday 2026-11-30 10:00 in Los Angeles: inside business hours. */
  static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T18:00:00Z");
  /** Friday 2026-12-04 10:00 in Los Angeles, before a weekend. */
  static final Instant FRIDAY_MORNING = Instant.parse("2026-12-04T18:00:00Z");

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired SupportCalendars calendars;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  TicketApi api;

  @BeforeEach
  void setUp() {
    api = new TicketApi(mvc, json, tasks);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aProposedSolutionStopsResolutionAndUpdatesAndARejectionResumesThemLaterByThePause() throws Exception {
    now(MONDAY_MORNING);
    String id = api.submitId(TicketApi.ticket("impact", "MAJOR_FEATURE_DEGRADED", "workaround", "PARTIAL"));
    JsonNode before = api.view(id);
    assertThat(before.get("priority").asText()).isEqualTo("P2");
    Instant resolutionDue = Instant.parse(before.at("/sla/resolution/dueAt").asText());

    now(MONDAY_MORNING.plus(Duration.ofHours(1)));
    api.agentCompletes(id, "FirstResponse", "action", "PROPOSE_SOLUTION", "reply", "Please update the client.");
    JsonNode proposed = api.view(id);
    assertThat(proposed.get("status").asText()).isEqualTo("SOLUTION_PROPOSED");
    assertThat(proposed.at("/sla/resolution/state").asText()).isEqualTo("PAUSED");
    assertThat(proposed.at("/sla/update/state").asText()).isEqualTo("PAUSED");

    Instant rejected = MONDAY_MORNING.plus(Duration.ofHours(3));
    now(rejected);
    assertThat(api.customerAnswers(id, false, "Still broken.").getResponse().getStatus()).isEqualTo(200);
    JsonNode resumed = api.view(id);
    assertThat(resumed.at("/sla/resolution/state").asText()).isEqualTo("RUNNING");
    assertThat(resumed.at("/sla/update/state").asText()).isEqualTo("RUNNING");
    // Two open business hours of waiting, 11:00 to 13:00 in Los Angeles.
    assertThat(Instant.parse(resumed.at("/sla/resolution/dueAt").asText())).isEqualTo(resolutionDue.plus(Duration.ofHours(2)));
    assertThat(Instant.parse(resumed.at("/sla/update/dueAt").asText()))
        .isEqualTo(calendars.get("business").plus(rejected, Duration.ofHours(8)));
    assertThat(api.task(id, "WorkTicket").getDueDate().toInstant()).isEqualTo(resolutionDue.plus(Duration.ofHours(2)));
  }

  @Test
  void anAcceptedSolutionMeetsResolutionWhenItWasProposed() throws Exception {
    now(MONDAY_MORNING);
    String id = api.submitId(TicketApi.ticket("impact", "MAJOR_FEATURE_DEGRADED", "workaround", "PARTIAL"));
    Instant proposedAt = MONDAY_MORNING.plus(Duration.ofHours(1));
    now(proposedAt);
    api.agentCompletes(id, "FirstResponse", "action", "PROPOSE_SOLUTION", "reply", "Please update the client.");
    now(MONDAY_MORNING.plus(Duration.ofDays(2)));
    api.customerAnswers(id, true, "Works.");
    JsonNode closed = api.view(id);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.at("/sla/resolution/state").asText()).isEqualTo("MET");
    assertThat(Instant.parse(closed.at("/sla/resolution/metAt").asText())).isEqualTo(proposedAt);
  }

  @Test
  void aCustomerSilentUntilAutoCloseCausesNoBreachOrEscalation() throws Exception {
    now(MONDAY_MORNING);
    String id = api.submitId(TicketApi.ticket("impact", "SERVICE_DOWN", "channel", "CHAT"));
    Instant proposedAt = MONDAY_MORNING.plus(Duration.ofHours(2));
    now(proposedAt);
    api.agentCompletes(id, "FirstResponse", "action", "PROPOSE_SOLUTION", "reply", "Restart the gateway.");
    // Every resolution and update timer waits at the end of time while the customer decides.
    assertThat(jobs(id).stream().filter(j -> !j.getDuedate().toInstant().equals(SlaTimers.PAUSED)).count()).isEqualTo(1);

    now(proposedAt.plus(Duration.ofDays(7)).plusSeconds(1));
    management.executeJob(job(id, "CustomerSilent").getId());
    JsonNode closed = api.view(id);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(events(closed)).noneMatch(e -> e.startsWith("BREACHED") || e.startsWith("ESCALATED"));
    assertThat(closed.get("escalationLevel").asInt()).isZero();
    assertThat(Instant.parse(closed.at("/sla/resolution/metAt").asText())).isEqualTo(proposedAt);
  }

  @Test
  void anEscalatedTicketsLaterTasksAreOfferedToWhoeverItsEscalationReached() throws Exception {
    now(MONDAY_MORNING);
    String id = api.submitId(TicketApi.ticket("impact", "SERVICE_DOWN", "channel", "CHAT"));
    fire(id, "FirstResponseBreached", MONDAY_MORNING.plus(Duration.ofMinutes(60)));
    assertThat(candidateGroups(id, "FirstResponse")).contains("support-chat", "support-leads", "engineering-oncall");

    now(MONDAY_MORNING.plus(Duration.ofMinutes(70)));
    api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Which region?");
    now(MONDAY_MORNING.plus(Duration.ofMinutes(90)));
    api.customerWrites(id, "Europe.");
    assertThat(candidateGroups(id, "WorkTicket")).contains("support-chat", "support-leads", "engineering-oncall");
    assertThat((Integer) runtime.getVariable(instanceId(id), "escalationLevel")).isEqualTo(1);
    JsonNode view = api.view(id);
    assertThat(api.task(id, "WorkTicket").getDueDate().toInstant())
        .isEqualTo(Instant.parse(view.at("/sla/resolution/dueAt").asText()));
  }

  @Test
  void aPriorityChangeAfterAWeekendPauseMeasuresThePauseOnTheNewCalendar() throws Exception {
    now(FRIDAY_MORNING);
    String id = api.submitId(TicketApi.ticket());
    assertThat(api.view(id).get("priority").asText()).isEqualTo("P3");
    now(FRIDAY_MORNING.plus(Duration.ofHours(1)));
    api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Which browser?");
    Instant back = Instant.parse("2026-12-07T18:00:00Z");
    now(back);
    api.customerWrites(id, "Firefox.");
    now(back.plus(Duration.ofHours(1)));
    changePriority(id, "P1");
    // 24x7: the whole weekend was waiting, 71 h from Friday 11:00 to Monday 10:00 in Los Angeles.
    Instant due = FRIDAY_MORNING.plus(Duration.ofHours(24)).plus(Duration.ofHours(71));
    assertThat(Instant.parse(api.view(id).at("/sla/resolution/dueAt").asText())).isEqualTo(due);
    // The resolution ladder's waiting timer (at risk, 75 % of 24 h) moved with it.
    assertThat(job(id, "ResolutionAtRisk").getDuedate().toInstant())
        .isEqualTo(FRIDAY_MORNING.plus(Duration.ofHours(18)).plus(Duration.ofHours(71)));
  }

  @Test
  void aPriorityChangeDuringAPauseCountsEveryPauseOnTheNewCalendar() throws Exception {
    now(FRIDAY_MORNING);
    String id = api.submitId(TicketApi.ticket("impact", "SERVICE_DOWN", "channel", "CHAT"));
    Instant firstPause = FRIDAY_MORNING.plus(Duration.ofHours(1));
    now(firstPause);
    api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Which region?");
    // The customer answers at 18:00 in Los Angeles, after business hours: 7 h of waiting on 24x7, 6 h of business.
    now(Instant.parse("2026-12-05T02:00:00Z"));
    api.customerWrites(id, "Europe.");
    Instant secondPause = Instant.parse("2026-12-05T03:00:00Z");
    now(secondPause);
    api.agentCompletes(id, "WorkTicket", "action", "REPLY_AND_WAIT", "reply", "Which gateway?");
    now(Instant.parse("2026-12-05T18:00:00Z"));
    changePriority(id, "P3");
    Instant back = Instant.parse("2026-12-07T18:00:00Z");
    now(back);
    api.customerWrites(id, "gw-2.");
    // On the business calendar of a P3: 6 open hours of the first pause, 1 (Monday 09:00 to 10:00) of the second.
    SupportCalendar business = calendars.get("business");
    Duration paused = Duration.ofHours(6).plus(business.openTimeBetween(secondPause, back));
    assertThat(paused).isEqualTo(Duration.ofHours(7));
    Instant due = business.plus(FRIDAY_MORNING, Duration.ofHours(80).plus(paused));
    assertThat(Instant.parse(api.view(id).at("/sla/resolution/dueAt").asText())).isEqualTo(due);
  }

  @Test
  void tasklistSortsByTheTicketsPriority() throws Exception {
    now(MONDAY_MORNING);
    String id = api.submitId(TicketApi.ticket("impact", "SERVICE_DOWN", "channel", "CHAT"));
    assertThat(api.task(id, "FirstResponse").getPriority()).isEqualTo(100);
    changePriority(id, "P3");
    assertThat(api.task(id, "FirstResponse").getPriority()).isEqualTo(50);
  }

  private void changePriority(String id, String priority) throws Exception {
    String agent = "P1".equals(priority) || api.view(id).get("queue").asText().equals("support-web") ? "web.agent" : "chat.agent";
    MvcResult changed = api.perform(post("/api/tickets/" + id + "/priority"), agent, Map.of("priority", priority, "reason", "Triage"));
    assertThat(changed.getResponse().getStatus()).as(changed.getResponse().getContentAsString()).isEqualTo(200);
  }

  private void now(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  private void fire(String ticketId, String timer, Instant at) {
    now(at);
    management.executeJob(job(ticketId, timer).getId());
  }

  private Job job(String ticketId, String activity) {
    Job job = management.createJobQuery().processInstanceId(instanceId(ticketId)).activityId(activity).singleResult();
    assertThat(job).as("timer %s of %s", activity, ticketId).isNotNull();
    return job;
  }

  private List<Job> jobs(String ticketId) {
    return management.createJobQuery().processInstanceId(instanceId(ticketId)).list();
  }

  private String instanceId(String ticketId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).singleResult().getId();
  }

  private List<String> candidateGroups(String ticketId, String taskKey) {
    return tasks.getIdentityLinksForTask(api.task(ticketId, taskKey).getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  private static List<String> events(JsonNode view) {
    return StreamSupport.stream(view.at("/sla/events").spliterator(), false)
        .map(e -> e.get("event").asText() + "@" + e.get("at").asText()).toList();
  }
}
