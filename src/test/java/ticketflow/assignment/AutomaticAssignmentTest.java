package ticketflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static ticketflow.ApiClient.ADMIN;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/**
 * Automatic assignment as a surge meets it: web tickets arrive, support-web's rule hands each new task to an available
 * agent. Three agents of the test's own join support-web (the demo's web.agent never said it is available, so the
 * rule passes it by); the queue is manual again after each test.
 */
@TicketflowTest
class AutomaticAssignmentTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;

  ApiClient client;
  TicketApi tickets;
  List<String> agents;
  List<String> submitted = new ArrayList<>();

  @BeforeEach
  void threeAgentsJoinTheWebQueue() {
    client = new ApiClient(mvc, json);
    tickets = new TicketApi(mvc, json, tasks);
    agents = List.of(Agents.create(identity, "surge-a", "support-web"), Agents.create(identity, "surge-b", "support-web"),
        Agents.create(identity, "surge-c", "support-web"));
  }

  @AfterEach
  void backToManual() throws Exception {
    mode("MANUAL");
    // The tasks handed out go back to the queue, their agents with them.
    submitted.forEach(id -> tasks.createTaskQuery().processInstanceBusinessKey(id).list()
        .forEach(task -> tasks.setAssignee(task.getId(), null)));
    agents.forEach(identity::deleteUser);
  }

  @Test
  void withLeastLoadedTheTwoAvailableAgentsGetFiveOfTenWebTicketsEachAndTheUnavailableOneNone() throws Exception {
    mode("LEAST_LOADED");
    available(agents.get(0), agents.get(0), true);
    available("lead", agents.get(1), true);
    available(ADMIN, agents.get(2), false);

    for (int i = 0; i < 10; i++) {
      submit();
    }

    assertThat(assigneesOfFirstResponses()).containsExactlyInAnyOrderEntriesOf(Map.of(agents.get(0), 5L, agents.get(1), 5L));
  }

  @Test
  void leastLoadedCountsWhatEachAgentAlreadyHolds() throws Exception {
    available(agents.get(0), agents.get(0), true);
    available(agents.get(1), agents.get(1), true);
    String held = submit();
    tasks.claim(tickets.task(held, "FirstResponse").getId(), agents.get(0));
    mode("LEAST_LOADED");

    submit();
    submit();
    submit();

    // b had nothing, a held one: b first, then in turn.
    assertThat(assigneesOfFirstResponses()).containsExactlyInAnyOrderEntriesOf(Map.of(agents.get(0), 2L, agents.get(1), 2L));
  }

  @Test
  void roundRobinGoesStrictlyInTurnWhateverEachAgentHolds() throws Exception {
    mode("ROUND_ROBIN");
    available(agents.get(0), agents.get(0), true);
    String first = submit();
    String second = submit();
    available(agents.get(1), agents.get(1), true);

    List<String> next = List.of(submit(), submit(), submit(), submit());

    assertThat(assignee(first)).isEqualTo(agents.get(0));
    assertThat(assignee(second)).isEqualTo(agents.get(0));
    // Least loaded would give b the next two; in turn, b and a alternate from where the turn stood.
    assertThat(next.stream().map(this::assignee)).containsExactly(agents.get(1), agents.get(0), agents.get(1), agents.get(0));
  }

  @Test
  void withNobodyAvailableTheTaskStaysInTheQueue() throws Exception {
    mode("LEAST_LOADED");

    String ticket = submit();

    Task task = tickets.task(ticket, "FirstResponse");
    assertThat(task.getAssignee()).isNull();
    assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(link -> "support-web".equals(link.getGroupId()));
  }

  @Test
  void aManualQueueAssignsNothingEvenWithAgentsAvailable() throws Exception {
    available(agents.get(0), agents.get(0), true);

    assertThat(tickets.task(submit(), "FirstResponse").getAssignee()).isNull();
  }

  @Test
  void anAgentGoingUnavailableKeepsWhatTheyHoldAndGetsNothingNew() throws Exception {
    mode("LEAST_LOADED");
    available(agents.get(0), agents.get(0), true);
    String held = submit();

    available(agents.get(0), agents.get(0), false);
    String later = submit();

    assertThat(assignee(held)).isEqualTo(agents.get(0));
    assertThat(assignee(later)).isNull();
  }

  @Test
  void everyNewTaskOfTheQueueIsAssignedTheWorkTicketToo() throws Exception {
    mode("LEAST_LOADED");
    available(agents.get(1), agents.get(1), true);
    String ticket = submit();
    tickets.agentCompletes(ticket, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Which version do you run?");

    assertThat(tickets.customerWrites(ticket, "6.2").getResponse().getStatus()).isEqualTo(201);

    assertThat(tickets.task(ticket, "WorkTicket").getAssignee()).isEqualTo(agents.get(1));
  }

  @Test
  void ticketsArrivingTogetherAreSharedAsIfTheyCameOneAfterTheOther() throws Exception {
    mode("LEAST_LOADED");
    available(agents.get(0), agents.get(0), true);
    available(agents.get(1), agents.get(1), true);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> arrivals = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        arrivals.add(this::submit);
      }
      for (Future<String> arrived : pool.invokeAll(arrivals)) {
        arrived.get();
      }
    } finally {
      pool.shutdown();
    }

    // Each task locks the queue's row while it counts, so no two see the same loads and pick the same agent. (On H2
    // submissions meet other locks too, so this passes without that one; the row lock is what keeps a cluster fair.)
    assertThat(assigneesOfFirstResponses()).containsExactlyInAnyOrderEntriesOf(Map.of(agents.get(0), 4L, agents.get(1), 4L));
  }

  private synchronized void track(String ticketId) {
    submitted.add(ticketId);
  }

  private String submit() throws Exception {
    String id = tickets.submitId(TicketApi.ticket("subject", "Meetings drop in the surge"));
    track(id);
    return id;
  }

  private String assignee(String ticketId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(ticketId).singleResult().getAssignee();
  }

  /** Who holds the first responses of this test's tickets, and how many; unassigned ones under "-". */
  private Map<String, Long> assigneesOfFirstResponses() {
    return submitted.stream().map(id -> tickets.task(id, "FirstResponse").getAssignee())
        .map(a -> a == null ? "-" : a).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private void mode(String mode) throws Exception {
    client.ok(client.call(put("/api/queues/support-web/assignment"), ADMIN, Map.of("mode", mode)), 200);
  }

  private void available(String caller, String agent, boolean available) throws Exception {
    client.ok(client.call(put("/api/agents/" + agent + "/availability"), caller, Map.of("available", available)), 200);
  }
}
