package ticketflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Drives ticketflow as its users do: intake clients over /api, agents by completing their tasks. */
public final class TicketApi {

  public static final String PORTAL = "portal";
  public static final String PASSWORD = "demo";

  private final MockMvc mvc;
  private final ObjectMapper json;
  private final TaskService tasks;

  public TicketApi(MockMvc mvc, ObjectMapper json, TaskService tasks) {
    this.mvc = mvc;
    this.json = json;
    this.tasks = tasks;
  }

  /** A valid ticket body: the PRO account's owner asking on WEB about a feature issue; change what a story needs. */
  public static Map<String, Object> ticket() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("accountId", "acme-pro");
    body.put("requesterEmail", "owner@acme-pro.example");
    body.put("channel", "WEB");
    body.put("category", "TECHNICAL");
    body.put("impact", "FEATURE_ISSUE");
    body.put("workaround", "NONE");
    body.put("subject", "Recording does not start");
    body.put("description", "The record button is greyed out in every meeting.");
    return body;
  }

  public static Map<String, Object> ticket(String key, Object value, Object... more) {
    Map<String, Object> body = ticket();
    body.put(key, value);
    for (int i = 0; i < more.length; i += 2) {
      body.put((String) more[i], more[i + 1]);
    }
    return body;
  }

  public JsonNode submit(Map<String, Object> body) throws Exception {
    MvcResult result = perform(post("/api/tickets"), PORTAL, body);
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
    return json.readTree(result.getResponse().getContentAsString());
  }

  public String submitId(Map<String, Object> body) throws Exception {
    return submit(body).get("id").asText();
  }

  public JsonNode view(String id) throws Exception {
    MvcResult result = perform(get("/api/tickets/" + id), PORTAL, null);
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return json.readTree(result.getResponse().getContentAsString());
  }

  public MvcResult customerWrites(String id, String text) throws Exception {
    return perform(post("/api/tickets/" + id + "/messages"), PORTAL, Map.of("body", text));
  }

  public MvcResult customerAnswers(String id, boolean accepted, String comment) throws Exception {
    return perform(post("/api/tickets/" + id + "/feedback"), PORTAL, Map.of("accepted", accepted, "comment", comment));
  }

  public MvcResult perform(MockHttpServletRequestBuilder request, String user, Object body) throws Exception {
    request.with(httpBasic(user, PASSWORD));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : json.writeValueAsString(body));
    }
    return mvc.perform(request).andReturn();
  }

  public Task task(String ticketId, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(ticketId).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("task %s of %s", taskKey, ticketId).isNotNull();
    return task;
  }

  /** An agent answers the ticket's open task as Tasklist would submit the form. */
  public void agentCompletes(String ticketId, String taskKey, Object... variables) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      vars.put((String) variables[i], variables[i + 1]);
    }
    tasks.complete(task(ticketId, taskKey).getId(), vars);
  }

  public JsonNode read(MvcResult result) throws Exception {
    return json.readTree(result.getResponse().getContentAsString());
  }
}
