package ticketflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static ticketflow.security.AuthorizationMatrixTest.Op.*;
import static ticketflow.security.AuthorizationMatrixTest.Role.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ticketflow.TicketApi;
import ticketflow.WebappCookies;
import ticketflow.TicketflowServerTest;

/**
 * Every role against every door, over a real HTTP server: ticketflow's /api and /actuator (Spring Security), engine
 * REST (Camunda's HTTP Basic filter and engine authorizations) and the webapps' login (Camunda's own session login
 * and CSRF filter), none of which MockMvc exercises as deployed. One row per role × operation: the status it must
 * get and, where the answer is a list, how many of the fixture's items it may see.
 */
@TicketflowServerTest
class AuthorizationMatrixTest {

  /**
   * Who calls. WRONG_PASSWORD is a throwaway administrator of its own, so no real account collects failed logins;
   * its rows (some twenty) stay under the 30 failed logins a minute an address may make before everyone from it
   * gets 429.
   */
  enum Role {
    ANONYMOUS(null, null),
    WRONG_PASSWORD("authz-matrix.throwaway", "not-its-password"),
    PORTAL("portal", "demo"),
    WEB_AGENT("web.agent", "demo"),
    CHAT_AGENT("chat.agent", "demo"),
    ENGINEER("engineer", "demo"),
    LEAD("lead", "demo"),
    MANAGER("manager", "demo"),
    ADMIN("admin", "test-admin-secret");

    final String user;
    final String password;

    Role(String user, String password) {
      this.user = user;
      this.password = password;
    }
  }

  /** What they try. The fixture is a WEB ticket of acme-pro, submitted by portal, in support-web at FirstResponse. */
  enum Op {
    SUBMIT_TICKET("POST /api/tickets"),
    READ_TICKET("GET /api/tickets/{fixture}"),
    LIST_TICKETS("GET /api/tickets (count of the fixture in it)"),
    CUSTOMER_MESSAGE("POST /api/tickets/{fixture}/messages"),
    CUSTOMER_FEEDBACK("POST /api/tickets/{fixture}/feedback"),
    CUSTOMER_SATISFACTION("POST /api/tickets/{fixture}/satisfaction"),
    CHANGE_PRIORITY("POST /api/tickets/{fixture}/priority"),
    PUT_ACCOUNT("PUT /api/accounts/{new}"),
    GET_ACCOUNT("GET /api/accounts/acme-pro"),
    KNOWLEDGE_BASE("GET /api/knowledge-base/articles"),
    MAIL_OUTBOX("GET /api/mail-outbox"),
    ERASE_REQUESTER("DELETE /api/requesters/{an address ticketflow never knew}"),
    OPENAPI("GET /api/openapi"),
    COMMITMENTS("GET /api/commitments?priority=P3&from=…"),
    CALENDARS("GET /api/calendars"),
    NOTE("POST /api/tickets/{fixture}/notes"),
    TIMELINE("GET /api/tickets/{fixture}/timeline"),
    MACROS("GET /api/macros"),
    PUT_MACRO("PUT /api/macros/{new}"),
    QUEUE_ASSIGNMENT("PUT /api/queues/support-web/assignment MANUAL"),
    WEB_AGENT_AVAILABILITY("PUT /api/agents/web.agent/availability false"),
    LIFECYCLE_VERSIONS("GET /api/lifecycle/versions"),
    LIFECYCLE_MIGRATION("POST /api/lifecycle/migrations from a version never deployed"),
    HEALTH("GET /actuator/health"),
    ACTUATOR_INFO("GET /actuator/info"),
    ENGINE_TASKS("GET /engine-rest/task?processInstanceBusinessKey={fixture} (count)"),
    ENGINE_COMPLETE("POST /engine-rest/task/{own ticket's FirstResponse}/complete"),
    ENGINE_COMPLETE_UNDECLARED("POST /engine-rest/task/{own}/complete with queue, priority, escalationLevel"),
    ENGINE_SUBMIT_FORM_UNDECLARED("POST /engine-rest/task/{own}/submit-form with queue, priority, escalationLevel"),
    ENGINE_TASK_VARIABLES_POST("POST /engine-rest/task/{own}/variables (modifications, deletions)"),
    ENGINE_TASK_VARIABLE_PUT("PUT /engine-rest/task/{own}/variables/queue"),
    ENGINE_TASK_VARIABLE_DELETE("DELETE /engine-rest/task/{own}/variables/priority"),
    ENGINE_TASK_LOCAL_VARIABLES_POST("POST /engine-rest/task/{own}/localVariables (modifications, deletions)"),
    ENGINE_TASK_LOCAL_VARIABLE_PUT("PUT /engine-rest/task/{own}/localVariables/queue"),
    ENGINE_TASK_LOCAL_VARIABLE_DELETE("DELETE /engine-rest/task/{own}/localVariables/priority"),
    ENGINE_PROCESS_VARIABLE_PUT("PUT /engine-rest/process-instance/{own ticket's}/variables/queue"),
    ENGINE_DEPLOY("POST /engine-rest/deployment/create"),
    ENGINE_DEFINITIONS("GET /engine-rest/process-definition?key=ticket-lifecycle (count)"),
    TASKLIST_COMPLETE_UNDECLARED("Tasklist's POST /camunda/api/engine/engine/default/task/{own}/complete with queue, …"),
    TASKLIST_SUBMIT_FORM_UNDECLARED("Tasklist's POST /camunda/api/engine/engine/default/task/{own}/submit-form with queue, …"),
    LOGIN_TASKLIST("POST /camunda/api/admin/auth/user/default/login/tasklist"),
    LOGIN_COCKPIT("POST /camunda/api/admin/auth/user/default/login/cockpit"),
    LOGIN_ADMIN("POST /camunda/api/admin/auth/user/default/login/admin");

    final String label;

    Op(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();

    // /api — submission is for intake clients (and admins).
    row(rows, SUBMIT_TICKET, 401, 401, 201, 403, 403, 403, 403, 403, 201);
    // A ticket the caller may not see answers like one that does not exist.
    row(rows, READ_TICKET, 401, 401, 200, 200, 404, 404, 200, 200, 200);
    rowCounted(rows, LIST_TICKETS, new int[] {401, 401, 200, 200, 200, 200, 200, 200, 200},
        new Integer[] {null, null, 1, 1, 0, 0, 1, 1, 1});
    row(rows, CUSTOMER_MESSAGE, 401, 401, 201, 403, 403, 403, 403, 403, 201);
    // Nothing is proposed yet, so the customer's answer conflicts (409) for those allowed to relay it.
    row(rows, CUSTOMER_FEEDBACK, 401, 401, 409, 403, 403, 403, 403, 403, 409);
    // Only the intake client that submitted it scores a ticket (or the closing mail's link), once it is closed: 409 here.
    row(rows, CUSTOMER_SATISFACTION, 401, 401, 409, 403, 403, 403, 403, 403, 403);
    // Staff who see the ticket may triage it (each allowed row really changes it: P2, P3, P2, P3).
    row(rows, CHANGE_PRIORITY, 401, 401, 403, 200, 404, 404, 200, 200, 200);
    row(rows, PUT_ACCOUNT, 401, 401, 403, 403, 403, 403, 403, 403, 201);
    row(rows, GET_ACCOUNT, 401, 401, 403, 403, 403, 403, 403, 403, 200);
    row(rows, KNOWLEDGE_BASE, 401, 401, 403, 403, 403, 403, 403, 403, 200);
    row(rows, MAIL_OUTBOX, 401, 401, 403, 403, 403, 403, 403, 403, 200);
    // Erasure is the administrators' alone; for them an address ticketflow never knew is not found.
    row(rows, ERASE_REQUESTER, 401, 401, 403, 403, 403, 403, 403, 403, 404);
    // The API's description is for every logged-in client.
    row(rows, OPENAPI, 401, 401, 200, 200, 200, 200, 200, 200, 200);
    row(rows, COMMITMENTS, 401, 401, 200, 200, 200, 200, 200, 200, 200);
    // The calendars and their holidays are for staff, not for the intake clients' portals.
    row(rows, CALENDARS, 401, 401, 403, 200, 200, 200, 200, 200, 200);
    // Notes and the timeline are for staff who may read the ticket; to others it does not exist.
    row(rows, NOTE, 401, 401, 403, 201, 404, 404, 201, 201, 201);
    row(rows, TIMELINE, 401, 401, 403, 200, 404, 404, 200, 200, 200);
    // Canned replies: every staff member reads them, administrators keep them.
    row(rows, MACROS, 401, 401, 403, 200, 200, 200, 200, 200, 200);
    row(rows, PUT_MACRO, 401, 401, 403, 403, 403, 403, 403, 403, 201);
    // A queue's assignment rule is the administrators'; an agent's availability is theirs, a lead's or an administrator's.
    row(rows, QUEUE_ASSIGNMENT, 401, 401, 403, 403, 403, 403, 403, 403, 200);
    row(rows, WEB_AGENT_AVAILABILITY, 401, 401, 403, 200, 403, 403, 200, 403, 200);
    // Lifecycle versions and migrations are the administrators'; for them a version never deployed is a bad request.
    row(rows, LIFECYCLE_VERSIONS, 401, 401, 403, 403, 403, 403, 403, 403, 200);
    row(rows, LIFECYCLE_MIGRATION, 401, 401, 403, 403, 403, 403, 403, 403, 400);
    // The health probe is open to everyone, even with credentials that fail.
    row(rows, HEALTH, 200, 200, 200, 200, 200, 200, 200, 200, 200);
    row(rows, ACTUATOR_INFO, 401, 401, 403, 403, 403, 403, 403, 403, 200);

    // Engine REST — engine authorizations decide: queue agents see their queue's tasks, overseers all of them.
    rowCounted(rows, ENGINE_TASKS, new int[] {401, 401, 200, 200, 200, 200, 200, 200, 200},
        new Integer[] {null, null, 0, 1, 0, 0, 1, 1, 1});
    // Completing needs TASK_WORK or UPDATE on the task (its candidate group gets them) or on the process definition;
    // leads and managers only read. Camunda refuses with 403 and an AuthorizationException. Each role completes the
    // FirstResponse of a ticket of its own, so a success consumes nothing another row needs.
    row(rows, ENGINE_COMPLETE, 401, 401, 403, 204, 403, 403, 403, 403, 204);
    // A completion takes only its task's answer: the queue, priority and escalation level the process relies on are
    // refused naming them (400) to the agent who may complete it; everybody else hears Camunda's own 403 first.
    // (WRONG_PASSWORD sits these rows out: its failed logins must stay under the per-address limit.)
    row(rows, ENGINE_COMPLETE_UNDECLARED, 401, null, 403, 400, 403, 403, 403, 403, 204);
    row(rows, ENGINE_SUBMIT_FORM_UNDECLARED, 401, null, 403, 400, 403, 403, 403, 403, 204);
    // Task variables (the task's own or, through it, the process's) are written by administrators only.
    row(rows, ENGINE_TASK_VARIABLES_POST, 401, null, 403, 403, 403, 403, 403, 403, 204);
    row(rows, ENGINE_TASK_VARIABLE_PUT, 401, null, 403, 403, 403, 403, 403, 403, 204);
    row(rows, ENGINE_TASK_VARIABLE_DELETE, 401, null, 403, 403, 403, 403, 403, 403, 204);
    row(rows, ENGINE_TASK_LOCAL_VARIABLES_POST, 401, null, 403, 403, 403, 403, 403, 403, 204);
    row(rows, ENGINE_TASK_LOCAL_VARIABLE_PUT, 401, null, 403, 403, 403, 403, 403, 403, 204);
    row(rows, ENGINE_TASK_LOCAL_VARIABLE_DELETE, 401, null, 403, 403, 403, 403, 403, 403, 204);
    // The process instance's variables directly: engine authorizations (UPDATE on the instance) only administrators have.
    row(rows, ENGINE_PROCESS_VARIABLE_PUT, 401, null, 403, 403, 403, 403, 403, 403, 204);
    row(rows, ENGINE_DEPLOY, 401, 401, 403, 403, 403, 403, 403, 403, 200);
    // Every queue and the overseers read the ticket-lifecycle definition; intake clients work only through /api.
    rowCounted(rows, ENGINE_DEFINITIONS, new int[] {401, 401, 200, 200, 200, 200, 200, 200, 200},
        new Integer[] {null, null, 0, 1, 1, 1, 1, 1, 1});

    // Tasklist's own REST, in a Tasklist session: the engine keeps the same rule; who may not log into Tasklist stays
    // anonymous there (401).
    row(rows, TASKLIST_COMPLETE_UNDECLARED, 401, null, 401, 400, 403, 403, 403, 403, 204);
    row(rows, TASKLIST_SUBMIT_FORM_UNDECLARED, 401, null, 401, 400, 403, 403, 403, 403, 204);

    // Webapps — Camunda's login answers 200 only when the user may use that application, 403 when not, 401 for bad
    // credentials. It needs the XSRF token of the session (without it: 403 and "X-XSRF-TOKEN: Required").
    row(rows, LOGIN_TASKLIST, 401, 401, 403, 200, 200, 200, 200, 200, 200);
    row(rows, LOGIN_COCKPIT, 401, 401, 403, 403, 403, 403, 200, 200, 200);
    row(rows, LOGIN_ADMIN, 401, 401, 403, 403, 403, 403, 403, 403, 200);
    return rows.stream();
  }

  /** One status per role, in the order of {@link Role}; null leaves that role out of the row. */
  private static void row(List<Arguments> rows, Op op, Integer... statuses) {
    Role[] roles = Role.values();
    for (int i = 0; i < roles.length; i++) {
      if (statuses[i] != null) {
        rows.add(Arguments.of(roles[i], op, statuses[i], null));
      }
    }
  }

  private static void rowCounted(List<Arguments> rows, Op op, int[] statuses, Integer[] counts) {
    Role[] roles = Role.values();
    for (int i = 0; i < roles.length; i++) {
      rows.add(Arguments.of(roles[i], op, statuses[i], counts[i]));
    }
  }

  private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  /** The fixture task of each role and operation that works on a task of a ticket of its own (a success consumes it). */
  private static final Map<Role, Map<Op, String>> ownTicketTasks = new EnumMap<>(Role.class);
  private static TaskService tasks;
  private static int port;
  private static ObjectMapper json;
  private static String fixture;

  @BeforeAll
  static void fixtures(@LocalServerPort int localPort, @Autowired ObjectMapper mapper, @Autowired ProcessEngine engine)
      throws Exception {
    assertThat(ProcessEngines.getProcessEngine(ProcessEngines.NAME_DEFAULT))
        .as("engine REST and the webapps find the engine statically by name: it must be this context's")
        .isSameAs(engine);
    port = localPort;
    json = mapper;
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(WRONG_PASSWORD.user).count() == 0) {
      User user = identity.newUser(WRONG_PASSWORD.user);
      user.setFirstName("authorization matrix");
      user.setLastName("(throwaway, wrong password only)");
      user.setPassword(UUID.randomUUID().toString());
      identity.saveUser(user);
      // An administrator, so that anything but a refusal would be a hole.
      identity.createMembership(WRONG_PASSWORD.user, Groups.ADMIN);
    }
    fixture = submitAsPortal();
    tasks = engine.getTaskService();
  }

  /** The FirstResponse of a ticket submitted for this role and operation alone, made on first use. */
  private static String ownTask(Role role, Op op) {
    return ownTicketTasks.computeIfAbsent(role, r -> new EnumMap<>(Op.class)).computeIfAbsent(op, o -> {
      try {
        String ticket = submitAsPortal();
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(ticket).taskDefinitionKey("FirstResponse").singleResult();
        assertThat(task).as("FirstResponse of %s", ticket).isNotNull();
        return task.getId();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @MethodSource("matrix")
  void everyRoleGetsWhatThePolicyAllows(Role role, Op op, int status, Integer count) throws Exception {
    check(role, op, status, count);
  }

  private static void check(Role role, Op op, int status, Integer count) throws Exception {
    Answer answer = call(role, op);
    assertThat(answer.status()).as("%s %s: %s", role, op, answer.body()).isEqualTo(status);
    if (status == 403 && (op.name().startsWith("ENGINE_") || op.name().startsWith("TASKLIST_"))) {
      // Refused by the engine's authorization check, not by anything in front of it.
      assertThat(json.readTree(answer.body()).path("type").asText()).as("%s %s: %s", role, op, answer.body())
          .isEqualTo("AuthorizationException");
    }
    if (count != null) {
      assertThat(answer.count()).as("%s %s, items seen: %s", role, op, answer.body()).isEqualTo(count);
    }
  }

  record Answer(int status, Integer count, String body) {
  }

  private static Answer call(Role role, Op op) throws Exception {
    return switch (op) {
      case SUBMIT_TICKET -> plain(send(api(role, "/api/tickets").POST(jsonBody(TicketApi.ticket()))));
      case READ_TICKET -> plain(send(api(role, "/api/tickets/" + fixture).GET()));
      case LIST_TICKETS -> {
        HttpResponse<String> answer = send(api(role, "/api/tickets?size=200").GET());
        yield new Answer(answer.statusCode(), answer.statusCode() == 200
            ? countIds(json.readTree(answer.body()).path("items"), "id", fixture) : null, answer.body());
      }
      case CUSTOMER_MESSAGE -> plain(send(api(role, "/api/tickets/" + fixture + "/messages")
          .POST(jsonBody(Map.of("body", "Still broken")))));
      case CUSTOMER_FEEDBACK -> plain(send(api(role, "/api/tickets/" + fixture + "/feedback")
          .POST(jsonBody(Map.of("accepted", true, "comment", "Thanks")))));
      case CUSTOMER_SATISFACTION -> plain(send(api(role, "/api/tickets/" + fixture + "/satisfaction")
          .POST(jsonBody(Map.of("score", 5)))));
      case CHANGE_PRIORITY -> plain(send(api(role, "/api/tickets/" + fixture + "/priority")
          .POST(jsonBody(Map.of("priority", role.ordinal() % 2 == 1 ? "P2" : "P3", "reason", "Triage by " + role)))));
      case PUT_ACCOUNT -> plain(send(api(role, "/api/accounts/authz-" + UUID.randomUUID().toString().substring(0, 8))
          .PUT(jsonBody(Map.of("plan", "PRO", "members", List.of(Map.of("email", "owner@authz.example", "role", "OWNER")))))));
      case GET_ACCOUNT -> plain(send(api(role, "/api/accounts/acme-pro").GET()));
      case KNOWLEDGE_BASE -> plain(send(api(role, "/api/knowledge-base/articles").GET()));
      case MAIL_OUTBOX -> plain(send(api(role, "/api/mail-outbox").GET()));
      case ERASE_REQUESTER -> plain(send(api(role, "/api/requesters/nobody.ever@example.com").DELETE()));
      case OPENAPI -> plain(send(api(role, "/api/openapi").GET()));
      case COMMITMENTS -> plain(send(api(role, "/api/commitments?priority=P3&from=2026-12-24T16:30:00Z").GET()));
      case CALENDARS -> plain(send(api(role, "/api/calendars").GET()));
      case NOTE -> plain(send(api(role, "/api/tickets/" + fixture + "/notes").POST(jsonBody(Map.of("body", "Seen by " + role)))));
      case TIMELINE -> plain(send(api(role, "/api/tickets/" + fixture + "/timeline").GET()));
      case MACROS -> plain(send(api(role, "/api/macros").GET()));
      case PUT_MACRO -> plain(send(api(role, "/api/macros/authz-" + UUID.randomUUID().toString().substring(0, 8))
          .PUT(jsonBody(Map.of("title", "Authorization matrix", "body", "Hello about {{ticket.id}}")))));
      case QUEUE_ASSIGNMENT -> plain(send(api(role, "/api/queues/support-web/assignment").PUT(jsonBody(Map.of("mode", "MANUAL")))));
      case WEB_AGENT_AVAILABILITY -> plain(send(api(role, "/api/agents/web.agent/availability")
          .PUT(jsonBody(Map.of("available", false)))));
      case LIFECYCLE_VERSIONS -> plain(send(api(role, "/api/lifecycle/versions").GET()));
      case LIFECYCLE_MIGRATION -> plain(send(api(role, "/api/lifecycle/migrations").POST(jsonBody(Map.of("fromVersion", 999_999)))));
      case HEALTH -> plain(send(api(role, "/actuator/health").GET()));
      case ACTUATOR_INFO -> plain(send(api(role, "/actuator/info").GET()));
      case ENGINE_TASKS -> engineList(send(api(role, "/engine-rest/task?processInstanceBusinessKey=" + fixture).GET()));
      case ENGINE_COMPLETE -> plain(send(api(role, "/engine-rest/task/" + ownTask(role, op) + "/complete")
          .POST(jsonBody(Map.of("variables", Map.of(
              "action", Map.of("value", "PROPOSE_SOLUTION"), "reply", Map.of("value", "x")))))));
      case ENGINE_COMPLETE_UNDECLARED -> plain(send(api(role, "/engine-rest/task/" + ownTask(role, op) + "/complete")
          .POST(jsonBody(undeclaredCompletion()))));
      case ENGINE_SUBMIT_FORM_UNDECLARED -> plain(send(api(role, "/engine-rest/task/" + ownTask(role, op) + "/submit-form")
          .POST(jsonBody(undeclaredCompletion()))));
      case ENGINE_TASK_VARIABLES_POST -> plain(send(api(role, "/engine-rest/task/" + ownTask(role, op) + "/variables")
          .POST(jsonBody(Map.of("modifications", Map.of("queue", Map.of("value", "sales")), "deletions", List.of("escalationLevel"))))));
      case ENGINE_TASK_VARIABLE_PUT -> plain(send(api(role, "/engine-rest/task/" + ownTask(role, op) + "/variables/queue")
          .PUT(jsonBody(Map.of("value", "billing")))));
      case ENGINE_TASK_VARIABLE_DELETE -> plain(send(api(role, "/engine-rest/task/" + ownTask(role, op) + "/variables/priority")
          .DELETE()));
      case ENGINE_TASK_LOCAL_VARIABLES_POST -> plain(send(api(role, "/engine-rest/task/" + ownTask(role, op) + "/localVariables")
          .POST(jsonBody(Map.of("modifications", Map.of("priority", Map.of("value", "P4")), "deletions", List.of("ticketId"))))));
      case ENGINE_TASK_LOCAL_VARIABLE_PUT -> plain(send(api(role, "/engine-rest/task/" + ownTask(role, op) + "/localVariables/queue")
          .PUT(jsonBody(Map.of("value", "trust-and-safety")))));
      case ENGINE_TASK_LOCAL_VARIABLE_DELETE -> plain(send(api(role, "/engine-rest/task/" + ownTask(role, op)
          + "/localVariables/priority").DELETE()));
      case ENGINE_PROCESS_VARIABLE_PUT -> plain(send(api(role, "/engine-rest/process-instance/"
          + tasks.createTaskQuery().taskId(ownTask(role, op)).singleResult().getProcessInstanceId() + "/variables/queue")
          .PUT(jsonBody(Map.of("value", "sales")))));
      case TASKLIST_COMPLETE_UNDECLARED -> plain(send(tasklist(role, "/camunda/api/engine/engine/default/task/"
          + ownTask(role, op) + "/complete").POST(jsonBody(undeclaredCompletion()))));
      case TASKLIST_SUBMIT_FORM_UNDECLARED -> plain(send(tasklist(role, "/camunda/api/engine/engine/default/task/"
          + ownTask(role, op) + "/submit-form").POST(jsonBody(undeclaredCompletion()))));
      case ENGINE_DEPLOY -> plain(send(deployment(role)));
      case ENGINE_DEFINITIONS -> engineList(send(api(role,
          "/engine-rest/process-definition?key=ticket-lifecycle&latestVersion=true").GET()));
      case LOGIN_TASKLIST -> plain(login(role, "tasklist"));
      case LOGIN_COCKPIT -> plain(login(role, "cockpit"));
      case LOGIN_ADMIN -> plain(login(role, "admin"));
    };
  }

  /** The answer a completion takes, and the queue, priority and escalation level it must not. */
  private static Map<String, Object> undeclaredCompletion() {
    return Map.of("variables", Map.of("action", Map.of("value", "PROPOSE_SOLUTION"), "reply", Map.of("value", "x"),
        "queue", Map.of("value", "sales"), "priority", Map.of("value", "P4"), "escalationLevel", Map.of("value", 0, "type", "Integer")));
  }

  // --- HTTP ------------------------------------------------------------------------------------------------------

  private static String submitAsPortal() throws Exception {
    HttpResponse<String> created = send(api(PORTAL, "/api/tickets").POST(jsonBody(TicketApi.ticket())));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode view = json.readTree(created.body());
    assertThat(view.path("queue").asText()).isEqualTo("support-web");
    return view.path("id").asText();
  }

  private static HttpRequest.Builder api(Role role, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
    if (role.user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((role.user + ":" + role.password).getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  private static HttpRequest deployment(Role role) {
    String boundary = "authz-" + UUID.randomUUID();
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://ticketflow.example/authz">
          <process id="AuthorizationProbe" isExecutable="false">
            <startEvent id="Start" />
          </process>
        </definitions>
        """;
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nauthorization-matrix\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"data\"; filename=\"authorization-probe.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n"
        + "--" + boundary + "--\r\n";
    return api(role, "/engine-rest/deployment/create").setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  /**
   * The webapps' form login in a fresh session: first a page of the app for the session and its XSRF-TOKEN cookie,
   * then the login with that token sent back as header and cookie, as the Camunda webapp does.
   */
  private static HttpResponse<String> login(Role role, String app) throws Exception {
    return session(role, app).login();
  }

  record Session(HttpResponse<String> login, Map<String, String> cookies) {
  }

  private static Session session(Role role, String app) throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).GET());
    Map<String, String> cookies = new LinkedHashMap<>();
    WebappCookies.keep(page, cookies);
    assertThat(cookies).as("cookies of the %s page", app).containsKey("XSRF-TOKEN");
    String form = role.user == null ? "" : "username=" + URLEncoder.encode(role.user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(role.password, StandardCharsets.UTF_8);
    HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN")).header("Cookie", WebappCookies.header(cookies))
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    // Without the token Camunda answers 403 with "X-XSRF-TOKEN: Required"; a 403 here must be the login's own verdict.
    assertThat(answer.headers().firstValue("X-XSRF-TOKEN")).as("CSRF token refused on login to %s", app).isNotEqualTo(Optional.of("Required"));
    WebappCookies.keep(answer, cookies);
    return new Session(answer, cookies);
  }

  /**
   * A request of Tasklist's own REST in a Tasklist session of the role (anonymous when Tasklist refuses its login): a
   * login starts a new session (against session fixation), which gets its XSRF token on its first read, as the webapp's.
   */
  private static HttpRequest.Builder tasklist(Role role, String path) throws Exception {
    Map<String, String> cookies = session(role, "tasklist").cookies();
    WebappCookies.keep(send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).header("Accept", "application/json")
        .header("Cookie", WebappCookies.header(cookies)).GET()), cookies);
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("Cookie", WebappCookies.header(cookies)).header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
  }

  private static HttpRequest.BodyPublisher jsonBody(Object body) throws Exception {
    return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return send(request.build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static Answer plain(HttpResponse<String> answer) {
    return new Answer(answer.statusCode(), null, answer.body());
  }

  /** An engine REST list: the number of entries. */
  private static Answer engineList(HttpResponse<String> answer) throws Exception {
    return new Answer(answer.statusCode(), answer.statusCode() == 200 ? json.readTree(answer.body()).size() : null, answer.body());
  }

  private static int countIds(JsonNode items, String field, String id) {
    int n = 0;
    for (JsonNode item : items) {
      if (id.equals(item.path(field).asText())) {
        n++;
      }
    }
    return n;
  }
}
