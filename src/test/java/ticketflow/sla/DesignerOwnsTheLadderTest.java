package ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ticketflow.TicketflowServerTest;

/**
 * The escalation ladder belongs to the process designers: deployed over engine REST as Camunda Modeler does, a model
 * whose timers, gateways and service tasks all have new ids keeps every commitment, and a ladder table with a new
 * step and a changed percent takes effect without a line of Java. Each test deploys the shipped files again after
 * itself, so later tests find the lifecycle as shipped.
 */
@TicketflowServerTest
class DesignerOwnsTheLadderTest {

  static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T18:00:00Z");
  private static final Pattern RENAMEABLE = Pattern.compile(
      "<bpmn:(boundaryEvent|intermediateCatchEvent|serviceTask|exclusiveGateway|parallelGateway|eventBasedGateway) id=\"(\\w+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired ObjectMapper json;

  @AfterEach
  void shipTheOriginalsAgain() throws Exception {
    ClockUtil.reset();
    Map<String, String> shipped = new LinkedHashMap<>(lifecycleWithForms(Files.readString(Path.of("bpmn", "ticket-lifecycle.bpmn"))));
    shipped.put("escalation-ladder.dmn", Files.readString(Path.of("bpmn", "escalation-ladder.dmn")));
    assertThat(deploy("shipped again", shipped).statusCode()).isEqualTo(200);
  }

  @Test
  void aModelWithEveryTimerGatewayAndServiceTaskRenamedKeepsTheCommitments() throws Exception {
    String model = Files.readString(Path.of("bpmn", "ticket-lifecycle.bpmn"));
    Set<String> renamed = new LinkedHashSet<>();
    Matcher element = RENAMEABLE.matcher(model);
    while (element.find()) {
      renamed.add(element.group(2));
    }
    for (String id : renamed) {
      model = model.replace("\"" + id + "\"", "\"" + id + "ByDesigner\"");
    }
    assertThat(renamed).contains("FirstResponseAtRisk", "ResolutionBreached", "UpdateDue", "HasResolutionTarget", "OpenTicket");
    HttpResponse<String> deployed = deploy("every SLA element renamed", lifecycleWithForms(model));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
    String id = submit(Map.of("impact", "FEATURE_ISSUE", "channel", "WEB"));
    ProcessInstance instance = instance(id);
    assertThat(repository.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId())
        .isEqualTo(json.readTree(deployed.body()).get("id").asText());
    HttpResponse<String> changed = call("POST", "/api/tickets/" + id + "/priority", "web.agent", "demo",
        "{\"priority\":\"P1\",\"reason\":\"Whole team affected\"}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

    Map<String, Instant> due = dueByActivity(instance.getId());
    assertThat(due).containsEntry("FirstResponseAtRiskByDesigner", MONDAY_MORNING.plus(Duration.ofMinutes(45)))
        .containsEntry("FirstResponseBreachedByDesigner", MONDAY_MORNING.plus(Duration.ofMinutes(60)))
        .containsEntry("FirstResponseLevel2ByDesigner", MONDAY_MORNING.plus(Duration.ofMinutes(90)))
        .containsEntry("ResolutionAtRiskByDesigner", MONDAY_MORNING.plus(Duration.ofHours(18)))
        // A P3 had no update cadence: the renamed update branch was started for the P1, due four hours from now.
        .containsEntry("UpdateDueByDesigner", MONDAY_MORNING.plus(Duration.ofHours(4)));
    fire(instance.getId(), "ResolutionAtRiskByDesigner", MONDAY_MORNING.plus(Duration.ofHours(18)));
    assertThat(dueByActivity(instance.getId()))
        .containsEntry("ResolutionBreachedByDesigner", MONDAY_MORNING.plus(Duration.ofHours(24)));
    fire(instance.getId(), "ResolutionBreachedByDesigner", MONDAY_MORNING.plus(Duration.ofHours(24)));
    assertThat(dueByActivity(instance.getId()))
        .containsEntry("ResolutionLevel2ByDesigner", MONDAY_MORNING.plus(Duration.ofHours(36)));
    fire(instance.getId(), "FirstResponseAtRiskByDesigner", MONDAY_MORNING.plus(Duration.ofMinutes(45)));

    JsonNode view = json.readTree(call("GET", "/api/tickets/" + id, "admin", "test-admin-secret", null).body());
    assertThat(events(view)).contains("RESOLUTION AT_RISK", "RESOLUTION BREACHED", "RESOLUTION ESCALATED", "FIRST_RESPONSE AT_RISK");
    assertThat(view.get("escalationLevel").asInt()).isEqualTo(1);
  }

  @Test
  void aNewHeadsUpStepAndAChangedPercentNeedNoJava() throws Exception {
    String ladder = Files.readString(Path.of("bpmn", "escalation-ladder.dmn"))
        .replace("<outputEntry id=\"atRiskPercent\"><text>75</text>", "<outputEntry id=\"atRiskPercent\"><text>60</text>")
        .replace("    </decisionTable>", """
              <rule id="headsUp">
                <description>A designer's heads-up to the queue at half time.</description>
                <inputEntry id="headsUpCommitment"><text>"FIRST_RESPONSE"</text></inputEntry>
                <inputEntry id="headsUpPriority"><text></text></inputEntry>
                <inputEntry id="headsUpAfterHours"><text></text></inputEntry>
                <outputEntry id="headsUpStep"><text>"HEADS_UP"</text></outputEntry>
                <outputEntry id="headsUpPercent"><text>50</text></outputEntry>
                <outputEntry id="headsUpState"><text>"AT_RISK"</text></outputEntry>
                <outputEntry id="headsUpLevel"><text>0</text></outputEntry>
                <outputEntry id="headsUpOfferTo"><text>""</text></outputEntry>
                <outputEntry id="headsUpMailTo"><text>"queue"</text></outputEntry>
              </rule>
            </decisionTable>""");
    String model = Files.readString(Path.of("bpmn", "ticket-lifecycle.bpmn")).replace("  </bpmn:process>", """
            <bpmn:boundaryEvent id="FirstResponseHeadsUp" name="Heads-up (50 %)" cancelActivity="false" attachedToRef="FirstResponse">
              <bpmn:outgoing>HeadsUpReached</bpmn:outgoing>
              <bpmn:timerEventDefinition id="FirstResponseHeadsUpTimer">
                <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${slaDue.at(execution, 'FIRST_RESPONSE', 'HEADS_UP')}</bpmn:timeDate>
              </bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:serviceTask id="GiveHeadsUp" name="Give the queue a heads-up" camunda:delegateExpression="${escalate}">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="commitment">FIRST_RESPONSE</camunda:inputParameter>
                  <camunda:inputParameter name="step">HEADS_UP</camunda:inputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
              <bpmn:incoming>HeadsUpReached</bpmn:incoming>
              <bpmn:outgoing>ToHeadsUpGiven</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:endEvent id="HeadsUpGiven" name="Heads-up given">
              <bpmn:incoming>ToHeadsUpGiven</bpmn:incoming>
            </bpmn:endEvent>
            <bpmn:sequenceFlow id="HeadsUpReached" sourceRef="FirstResponseHeadsUp" targetRef="GiveHeadsUp" />
            <bpmn:sequenceFlow id="ToHeadsUpGiven" sourceRef="GiveHeadsUp" targetRef="HeadsUpGiven" />
          </bpmn:process>""");
    Map<String, String> files = new LinkedHashMap<>(lifecycleWithForms(model));
    files.put("escalation-ladder.dmn", ladder);
    HttpResponse<String> deployed = deploy("heads-up at 50 %, at risk at 60 %", files);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
    String id = submit(Map.of("impact", "SERVICE_DOWN", "channel", "CHAT"));
    String instanceId = instance(id).getId();
    assertThat(dueByActivity(instanceId)).containsEntry("FirstResponseHeadsUp", MONDAY_MORNING.plus(Duration.ofMinutes(30)))
        .containsEntry("FirstResponseAtRisk", MONDAY_MORNING.plus(Duration.ofMinutes(36)))
        .containsEntry("FirstResponseBreached", MONDAY_MORNING.plus(Duration.ofMinutes(60)));
    fire(instanceId, "FirstResponseHeadsUp", MONDAY_MORNING.plus(Duration.ofMinutes(30)));

    JsonNode view = json.readTree(call("GET", "/api/tickets/" + id, "admin", "test-admin-secret", null).body());
    assertThat(view.at("/sla/firstResponse/state").asText()).isEqualTo("AT_RISK");
    assertThat(view.at("/sla/events/0/event").asText()).isEqualTo("AT_RISK");
    assertThat(view.at("/sla/events/0/at").asText()).isEqualTo("2026-11-30T18:30:00Z");
  }

  private String submit(Map<String, String> changes) throws Exception {
    Map<String, Object> ticket = new LinkedHashMap<>(Map.of("accountId", "acme-business", "requesterEmail", "owner@acme-business.example",
        "category", "TECHNICAL", "workaround", "NONE", "subject", "Designer's ticket", "description", "Checks a designer's deployment."));
    ticket.putAll(changes);
    HttpResponse<String> submitted = call("POST", "/api/tickets", "portal", "demo", json.writeValueAsString(ticket));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    return json.readTree(submitted.body()).get("id").asText();
  }

  private ProcessInstance instance(String ticketId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).singleResult();
  }

  private Map<String, Instant> dueByActivity(String instanceId) {
    return management.createJobQuery().processInstanceId(instanceId).timers().list().stream().collect(Collectors.toMap(
        j -> management.createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId()).singleResult().getActivityId(),
        j -> j.getDuedate().toInstant()));
  }

  private void fire(String instanceId, String activity, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    Job job = management.createJobQuery().processInstanceId(instanceId).activityId(activity).singleResult();
    assertThat(job).as("timer %s", activity).isNotNull();
    management.executeJob(job.getId());
  }

  private static List<String> events(JsonNode view) {
    return StreamSupport.stream(view.at("/sla/events").spliterator(), false)
        .map(e -> e.get("commitment").asText() + " " + e.get("event").asText()).toList();
  }

  /** The model with the forms it refers to by deployment binding, as Modeler deploys them together. */
  private static Map<String, String> lifecycleWithForms(String model) throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("ticket-lifecycle.bpmn", model);
    for (String form : List.of("first-response.form", "work-ticket.form", "investigate-issue.form")) {
      files.put(form, Files.readString(Path.of("forms", form)));
    }
    return files;
  }

  private HttpResponse<String> deploy(String name, Map<String, String> files) throws Exception {
    String boundary = "----ticketflow" + UUID.randomUUID();
    StringBuilder body = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + name + "\r\n");
    files.forEach((file, content) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
        .append(file).append("\"; filename=\"").append(file).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .append(content).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", basic("admin", "test-admin-secret")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> call(String method, String path, String user, String password, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", basic(user, password)).header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
