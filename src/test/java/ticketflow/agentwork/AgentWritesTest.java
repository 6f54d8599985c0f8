package ticketflow.agentwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import ticketflow.TicketApi;
import ticketflow.WebappCookies;

/**
 * Agents change a ticket only through its rules, over a real server: a completion carrying more than its task's answer,
 * and any write of task variables, is refused on every door (engine REST, Tasklist's own REST, the Java API) and leaves
 * the ticket and its process as they were; a completion with the answer alone still works and the next task goes to
 * the ticket's own queue. Tried by a web agent on a breached ticket of its queue and on one of another queue, and by
 * the intake client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Tag("server")
// A fresh context of its own: Tasklist's REST (the webapp's static runtime) answers 500 on a context shared with the
// other server tests, while engine REST does not; its own context keeps the Tasklist doors testable.
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class AgentWritesTest {

  static final String ENGINE_REST = "/engine-rest/task/";
  static final String TASKLIST_REST = "/camunda/api/engine/engine/default/task/";

  /** Who tries, on which ticket: its channel decides its queue. */
  enum Caller {
    WEB_AGENT_OWN_QUEUE("web.agent", "WEB", "support-web", "web.agent"),
    WEB_AGENT_OTHER_QUEUE("web.agent", "CHAT", "support-chat", "chat.agent"),
    INTAKE_CLIENT("portal", "WEB", "support-web", "web.agent");

    final String user;
    final String channel;
    final String queue;
    /** Who then completes the task the normal way. */
    final String worker;

    Caller(String user, String channel, String queue, String worker) {
      this.user = user;
      this.channel = channel;
      this.queue = queue;
      this.worker = worker;
    }
  }

  /** The doors, each with what it tries to write and the status the web agent gets on a task of its own queue. */
  enum Write {
    COMPLETE_WITH_PROCESS_VARIABLES("POST", ENGINE_REST, "complete", completion(), 400, "'queue'"),
    SUBMIT_FORM_WITH_PROCESS_VARIABLES("POST", ENGINE_REST, "submit-form", completion(), 400, "'queue'"),
    SUBMIT_FORM_CHANGING_A_SHOWN_FIELD("POST", ENGINE_REST, "submit-form", Map.of("variables", Map.of(
        "reply", value("Hi"), "action", value("REPLY_AND_WAIT"), "subject", value("Something else"))), 400, "'subject'"),
    SUBMIT_FORM_CHANGING_A_FIELD_OF_THE_SHOWN_TICKET("POST", ENGINE_REST, "submit-form", Map.of("variables", Map.of(
        "reply", value("Hi"), "action", value("REPLY_AND_WAIT"), "ticket", Map.of("type", "Json",
            "value", "{\"subject\":\"Something else\"}"))), 400, "'ticket.subject'"),
    MODIFY_VARIABLES("POST", ENGINE_REST, "variables", Map.of("modifications", Map.of("queue", value("billing"))), 403, "'queue'"),
    DELETE_VARIABLES_BY_MODIFICATION("POST", ENGINE_REST, "variables", Map.of("deletions", List.of("escalationLevel")), 403,
        "'escalationLevel'"),
    PUT_VARIABLE("PUT", ENGINE_REST, "variables/queue", value("trust-and-safety"), 403, "'queue'"),
    DELETE_VARIABLE("DELETE", ENGINE_REST, "variables/priority", null, 403, "'priority'"),
    MODIFY_LOCAL_VARIABLES("POST", ENGINE_REST, "localVariables", Map.of("modifications", Map.of("priority", value("P4"),
        "reply", value("draft"))), 403, "'priority'"),
    DELETE_LOCAL_VARIABLES_BY_MODIFICATION("POST", ENGINE_REST, "localVariables", Map.of("deletions", List.of("ticketId")),
        403, "'ticketId'"),
    PUT_LOCAL_VARIABLE("PUT", ENGINE_REST, "localVariables/queue", value("sales"), 403, "'queue'"),
    DELETE_LOCAL_VARIABLE("DELETE", ENGINE_REST, "localVariables/priority", null, 403, "'priority'"),
    BPMN_ERROR("POST", ENGINE_REST, "bpmnError", Map.of("errorCode", "done", "variables", Map.of("queue", value("sales"))),
        403, "BPMN error"),
    TASKLIST_COMPLETE_WITH_PROCESS_VARIABLES("POST", TASKLIST_REST, "complete", completion(), 400, "'queue'"),
    TASKLIST_SUBMIT_FORM_WITH_PROCESS_VARIABLES("POST", TASKLIST_REST, "submit-form", completion(), 400, "'queue'"),
    TASKLIST_PUT_VARIABLE("PUT", TASKLIST_REST, "variables/queue", value("billing"), 403, "'queue'");

    final String method;
    final String door;
    final String path;
    final Object body;
    final int ownQueueStatus;
    final String named;

    Write(String method, String door, String path, Object body, int ownQueueStatus, String named) {
      this.method = method;
      this.door = door;
      this.path = path;
      this.body = body;
      this.ownQueueStatus = ownQueueStatus;
      this.named = named;
    }

    /** Everybody else hears Camunda's own refusal; an intake client is not let into Tasklist at all. */
    int status(Caller caller) {
      if (caller == Caller.WEB_AGENT_OWN_QUEUE) {
        return ownQueueStatus;
      }
      return caller == Caller.INTAKE_CLIENT && door.equals(TASKLIST_REST) ? 401 : 403;
    }
  }

  /** The completion: the answer, and the queue, priority and escalation level the process relies on. */
  static Map<String, Object> completion() {
    return Map.of("variables", Map.of("reply", value("We are on it"), "action", value("REPLY_AND_WAIT"),
        "queue", value("sales"), "priority", value("P4"), "escalationLevel", Map.of("value", 0, "type", "Integer")));
  }

  static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

  static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  static int port;
  static ObjectMapper json;

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @BeforeAll
  static void server(@LocalServerPort int localPort, @Autowired ObjectMapper mapper, @Autowired ProcessEngine engine) {
    assertThat(ProcessEngines.getProcessEngine(ProcessEngines.NAME_DEFAULT)).isSameAs(engine);
    port = localPort;
    json = mapper;
  }

  /**
   * Every door in turn on one breached ticket (a refusal changes nothing, so each next try finds it as it was), then the
   * normal completion.
   */
  @ParameterizedTest
  @EnumSource(Caller.class)
  void aWriteOutsideTheTasksAnswerIsRefusedOnEveryDoorAndChangesNothing(Caller caller) throws Exception {
    String id = breachedTicket(caller);
    Task task = openTask(id);
    Snapshot before = snapshot(id, task);

    for (Write write : Write.values()) {
      HttpResponse<String> answer = send(caller.user, write.method, write.door, task.getId() + "/" + write.path, write.body);

      assertThat(answer.statusCode()).as("%s %s: %s", caller, write, answer.body()).isEqualTo(write.status(caller));
      if (answer.statusCode() == 403) {
        assertThat(json.readTree(answer.body()).path("type").asText()).as("%s %s: %s", caller, write, answer.body())
            .isEqualTo("AuthorizationException");
      }
      if (caller == Caller.WEB_AGENT_OWN_QUEUE) {
        // The agent hears which variable, and what to do instead.
        assertThat(json.readTree(answer.body()).path("message").asText()).as("%s: %s", write, answer.body()).contains(write.named)
            .containsAnyOf("Declared: reply, action, newPriority, priorityReason", "(reply, action, newPriority, priorityReason, macro, note)");
      }
      assertThat(snapshot(id, task)).as("%s %s", caller, write).isEqualTo(before);
    }

    aCompletionWithTheAnswerAloneWorksAndTheNextTaskGoesToTheQueue(caller, id, task);
  }

  @Test
  void tasklistsFormSendsBackTheFieldsItShowsAndTheCompletionWritesOnlyTheAnswer() throws Exception {
    String id = breachedTicket(Caller.WEB_AGENT_OWN_QUEUE);
    Task task = openTask(id);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("reply", value("We are on it"));
    variables.put("action", value("REPLY_AND_WAIT"));
    // As Tasklist's Camunda Form submits them: every readonly field, unchanged; the ticket view's fields (bound by path,
    // ticket.subject) as the object variable they came from, holding those fields only.
    for (String shown : List.of("ticketId", "priority", "channel")) {
      Object current = tasks.getVariable(task.getId(), shown);
      variables.put(shown, value(current == null ? "" : current));
    }
    ObjectValue ticket = tasks.getVariableTyped(task.getId(), "ticket", false);
    Map<String, Object> bound = new LinkedHashMap<>(json.readValue(ticket.getValueSerialized(), Map.class));
    bound.remove("cannedReplies");
    variables.put("ticket", Map.of("type", "Object", "valueInfo", Map.of("objectTypeName", ticket.getObjectTypeName(),
        "serializationDataFormat", ticket.getSerializationDataFormat()), "value", json.writeValueAsString(bound)));
    assertThat(bound).containsKeys("subject", "description", "requesterEmail", "plan", "category", "conversation", "notes");
    Map<String, String> before = processVariables(id);

    HttpResponse<String> done = send("web.agent", "POST", TASKLIST_REST, task.getId() + "/submit-form", Map.of("variables", variables));

    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    Map<String, String> after = processVariables(id);
    for (String shown : List.of("ticketId", "priority", "channel")) {
      assertThat(after.get(shown)).as(shown).isEqualTo(before.get(shown));
    }
    // The view sent back unchanged is left out: nothing of it reaches the instance.
    assertThat(after).doesNotContainKey("ticket");
    assertThat(view(id).path("status").asText()).isEqualTo("WAITING_ON_CUSTOMER");
  }

  @Test
  void anAdministratorKeepsFullAccess() throws Exception {
    Task task = openTask(submit("WEB"));
    assertThat(send("admin", "PUT", ENGINE_REST, task.getId() + "/localVariables/adminNote", value("checked")).statusCode())
        .isEqualTo(204);
    HttpResponse<String> done = send("admin", "POST", ENGINE_REST, task.getId() + "/complete", Map.of("variables", Map.of(
        "reply", value("Done"), "action", value("PROPOSE_SOLUTION"), "adminNote", value("closed by admin"))));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  @Test
  void theJavaApiAsEngineRestCallsItKeepsTheRulesForALoggedInAgentAndLetsTicketflowsOwnCodeThrough() throws Exception {
    String id = submit("WEB");
    Task task = openTask(id);
    identity.setAuthentication("web.agent", List.of("support-web"));
    try {
      assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("reply", "x", "action", "REPLY_AND_WAIT", "queue", "sales")))
          .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'queue'");
      assertThatThrownBy(() -> tasks.setVariable(task.getId(), "queue", "sales")).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.setVariableLocal(task.getId(), "priority", "P4")).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.removeVariable(task.getId(), "queue")).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.removeVariablesLocal(task.getId(), List.of("ticketId"))).isInstanceOf(AuthorizationException.class);
      // Engine REST's modifications call the implementation's updateVariables.
      assertThatThrownBy(() -> ((TaskServiceImpl) tasks).updateVariables(task.getId(), Map.of(), List.of("queue")))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.resolveTask(task.getId(), Map.of("queue", "sales"))).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> tasks.handleEscalation(task.getId(), "up")).isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    // No queue written: the ticket keeps its queue, the instance has none.
    assertThat(processVariables(id)).doesNotContainKey("queue");
    // Without a login (ticketflow's own code) the task service is the engine's.
    tasks.setVariableLocal(task.getId(), "reviewed", true);
    assertThat(tasks.getVariableLocal(task.getId(), "reviewed")).isEqualTo(true);
  }

  // --- the normal way, afterwards ----------------------------------------------------------------------------------

  private void aCompletionWithTheAnswerAloneWorksAndTheNextTaskGoesToTheQueue(Caller caller, String id, Task task) throws Exception {
    HttpResponse<String> done = send(caller.worker, "POST", ENGINE_REST, task.getId() + "/complete", Map.of("variables", Map.of(
        "reply", value("Which version do you use?"), "action", value("REPLY_AND_WAIT"))));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    HttpResponse<String> message = send("portal", "POST", "/api/tickets/", id + "/messages", Map.of("body", "Version 6.2"));
    assertThat(message.statusCode()).as(message.body()).isEqualTo(201);
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("WorkTicket").count() == 1);
    Task next = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("WorkTicket").singleResult();
    List<String> groups = tasks.getIdentityLinksForTask(next.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).map(IdentityLink::getGroupId).toList();
    assertThat(groups).contains(caller.queue).doesNotContain("sales", "billing", "trust-and-safety");
    assertThat(view(id).path("queue").asText()).isEqualTo(caller.queue);
  }

  // --- fixtures --------------------------------------------------------------------------------------------------

  /** A ticket of the caller's channel whose first response is breached: escalation level 1, in "Escalated to me". */
  private String breachedTicket(Caller caller) throws Exception {
    String id = submit(caller.channel);
    assertThat(view(id).path("queue").asText()).isEqualTo(caller.queue);
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("FirstResponseBreached")
        .singleResult().getId());
    assertThat(view(id).path("escalationLevel").asInt()).isEqualTo(1);
    return id;
  }

  private String submit(String channel) throws Exception {
    HttpResponse<String> created = send("portal", "POST", "/api/tickets", "", TicketApi.ticket("channel", channel));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).path("id").asText();
  }

  private Task openTask(String id) {
    return tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("FirstResponse").singleResult();
  }

  /** The ticket as the API shows it, and every variable of its process and of its open task, as stored. */
  record Snapshot(String queue, String priority, int escalationLevel, String status, Map<String, String> process,
      Map<String, String> task) {
  }

  private Snapshot snapshot(String id, Task task) throws Exception {
    JsonNode view = view(id);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);
    return new Snapshot(view.path("queue").asText(), view.path("priority").asText(), view.path("escalationLevel").asInt(),
        view.path("status").asText(), processVariables(id), stored(tasks.getVariablesLocalTyped(task.getId(), false)));
  }

  private Map<String, String> processVariables(String id) {
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    return stored(runtime.getVariablesTyped(instance, false));
  }

  private static Map<String, String> stored(VariableMap variables) {
    Map<String, String> stored = new TreeMap<>();
    for (String name : variables.keySet()) {
      TypedValue value = variables.getValueTyped(name);
      stored.put(name, value instanceof SerializableValue serializable ? serializable.getValueSerialized()
          : String.valueOf(value.getValue()));
    }
    return stored;
  }

  private JsonNode view(String id) throws Exception {
    HttpResponse<String> answer = send("portal", "GET", "/api/tickets/", id, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  // --- HTTP --------------------------------------------------------------------------------------------------------

  private static HttpResponse<String> send(String user, String method, String door, String path, Object body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(door + path)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    if (door.equals(TASKLIST_REST)) {
      tasklistSession(user).forEach(request::header);
    } else {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Tasklist's own session: its page for the session and XSRF token, then its login and a first read, as the webapp
   * does; the headers its REST calls carry afterwards (the cookie and the token). A login Tasklist refuses leaves the
   * session anonymous.
   */
  private static Map<String, String> tasklistSession(String user) throws Exception {
    Map<String, String> cookies = new LinkedHashMap<>();
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    WebappCookies.keep(page, cookies);
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN")).header("Cookie", WebappCookies.header(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password(user), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    WebappCookies.keep(login, cookies);
    // The login starts a new session (against session fixation), which gets its own token on its first read.
    HttpResponse<String> firstRead = http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default"))
        .header("Accept", "application/json").header("Cookie", WebappCookies.header(cookies)).GET().build(), HttpResponse.BodyHandlers.ofString());
    WebappCookies.keep(firstRead, cookies);
    return Map.of("Cookie", WebappCookies.header(cookies), "X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
  }

  private static String password(String user) {
    return "admin".equals(user) ? "test-admin-secret" : "demo";
  }

  private static URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
