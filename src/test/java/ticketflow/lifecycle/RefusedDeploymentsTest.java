package ticketflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import ticketflow.TicketApi;
import ticketflow.process.ModelCheck;

/**
 * A designer deploys over engine REST, as Camunda Modeler does: a deployment that breaks the model contract is a 400
 * naming what breaks it, nothing of it is stored, and tickets are still taken in with the versions deployed before.
 */
// Its own context (a property nobody else sets): engine REST serves the engine of the context started last, and the
// valid deployments made here stay out of other tests' engines.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.application.name=refused-deployments")
@ActiveProfiles({"demo", "test"})
class RefusedDeploymentsTest {

  private static final String ADMIN_PASSWORD = "test-admin-secret";
  private static final Map<String, String> FORMS = Map.of(
      "first-response.form", "forms/first-response.form",
      "work-ticket.form", "forms/work-ticket.form",
      "investigate-issue.form", "forms/investigate-issue.form");

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repository;
  final HttpClient http = HttpClient.newHttpClient();

  /** Stands in for the SLA package's check of what timers declare: a timer whose id says Unknown declares nothing known. */
  @TestConfiguration
  static class TimerDeclarations {
    @Bean
    ModelCheck standInTimerCheck() {
      return model -> model.getModelElementsByType(TimerEventDefinition.class).stream()
          .filter(t -> t.getId() != null && t.getId().contains("Unknown"))
          .map(t -> "timer '" + t.getId() + "' declares a step ticketflow does not know.").toList();
    }
  }

  @Test
  void aModelWithFirstResponseRenamedIsRefusedNamingItAndTheLatestVersionStays() throws Exception {
    int version = latestVersion();
    long deployments = repository.createDeploymentQuery().count();

    HttpResponse<String> answer = deploy(withForms(Map.of("ticket-lifecycle.bpmn",
        model().replace("\"FirstResponse\"", "\"FirstReply\""))));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    JsonNode body = json.readTree(answer.body());
    assertThat(body.get("type").asText()).isEqualTo("ParseException");
    assertThat(body.get("message").asText()).contains("nothing of it was deployed")
        .contains("User task 'FirstResponse' is missing");
    assertThat(body.at("/details/ticket-lifecycle.bpmn/errors/0/message").asText()).contains("FirstResponse");
    assertThat(latestVersion()).isEqualTo(version);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aCommitmentsTableWithoutItsP4RowIsRefusedAndP4TicketsAreStillTakenIn() throws Exception {
    HttpResponse<String> answer = deploy(Map.of("commitments.dmn",
        table("commitments").replaceAll("(?s)<rule id=\"lowCommitments\">.*?</rule>", "")));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).get("message").asText())
        .contains("Decision 'commitments' answers nothing for priority P4");
    assertThat(submit("INFORMATION_REQUEST", "NONE").get("priority").asText()).isEqualTo("P4");
  }

  @Test
  void aCalendarNameWithATypoIsRefusedNamingItAndP2TicketsAreStillTakenIn() throws Exception {
    HttpResponse<String> answer = deploy(Map.of("commitments.dmn", table("commitments").replace(
        "<outputEntry id=\"highCalendar\"><text>\"business\"</text>", "<outputEntry id=\"highCalendar\"><text>\"busines\"</text>")));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).get("message").asText())
        .contains("Decision 'commitments' answers calendar 'busines' for priority P2, which is no support calendar");
    assertThat(submit("MAJOR_FEATURE_DEGRADED", "NONE").get("priority").asText()).isEqualTo("P2");
  }

  @Test
  void theUnchangedModelDeployedWithItsFormsAsModelerDoesIsTakenAndSoIsATableAlone() throws Exception {
    int version = latestVersion();

    HttpResponse<String> model = deploy(withForms(Map.of("ticket-lifecycle.bpmn", model())));
    assertThat(model.statusCode()).as(model.body()).isEqualTo(200);
    assertThat(latestVersion()).isEqualTo(version + 1);

    HttpResponse<String> table = deploy(Map.of("commitments.dmn", table("commitments")));
    assertThat(table.statusCode()).as(table.body()).isEqualTo(200);
    assertThat(submit("FEATURE_ISSUE", "NONE").get("priority").asText()).isEqualTo("P3");
  }

  @Test
  void aModelDeployedWithoutItsFormsIsRefusedNamingThem() throws Exception {
    int version = latestVersion();

    HttpResponse<String> answer = deploy(Map.of("ticket-lifecycle.bpmn", model()));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).get("message").asText())
        .contains("User task 'FirstResponse' shows form 'FirstResponseForm', which is not among the forms.")
        .contains("User task 'WorkTicket' shows form 'WorkTicketForm'")
        .contains("User task 'InvestigateIssue' shows form 'InvestigateIssueForm'");
    assertThat(latestVersion()).isEqualTo(version);
  }

  @Test
  void aFormAloneWithAFieldTheLifecycleDoesNotSetIsRefusedNamingIt() throws Exception {
    HttpResponse<String> answer = deploy(Map.of("first-response.form",
        Files.readString(Path.of("forms/first-response.form")).replace("\"key\": \"priorityReason\"", "\"key\": \"reasonForPriority\"")));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).get("message").asText())
        .contains("Form 'FirstResponseForm' has field 'reasonForPriority', which is no variable of the lifecycle.");
  }

  @Test
  void theChecksOfOtherPackagesRefuseTheModelToo() throws Exception {
    HttpResponse<String> answer = deploy(withForms(Map.of("ticket-lifecycle.bpmn",
        model().replace("id=\"FirstResponseAtRiskTimer\"", "id=\"FirstResponseUnknownTimer\""))));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).get("message").asText())
        .contains("timer 'FirstResponseUnknownTimer' declares a step ticketflow does not know.");
  }

  private JsonNode submit(String impact, String workaround) throws Exception {
    HttpResponse<String> created = http.send(request("/api/tickets", "portal", TicketApi.PASSWORD)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(TicketApi.ticket("impact", impact, "workaround", workaround))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json.readTree(created.body()).get("id").asText();
    HttpResponse<String> view = http.send(request("/api/tickets/" + id, "portal", TicketApi.PASSWORD).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return json.readTree(view.body());
  }

  /** A multipart deployment as Camunda Modeler sends it: a name, then each file as a part of its own. */
  private HttpResponse<String> deploy(Map<String, String> files) throws Exception {
    String boundary = "----ticketflow" + UUID.randomUUID();
    StringBuilder body = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + "designer's deployment\r\n");
    files.forEach((name, content) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
        .append(name).append("\"; filename=\"").append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .append(content).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return http.send(request("/engine-rest/deployment/create", "admin", ADMIN_PASSWORD)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, String> withForms(Map<String, String> files) throws IOException {
    Map<String, String> all = new LinkedHashMap<>(files);
    for (Map.Entry<String, String> form : FORMS.entrySet()) {
      all.put(form.getKey(), Files.readString(Path.of(form.getValue())));
    }
    return all;
  }

  private int latestVersion() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("ticket-lifecycle").latestVersion().singleResult().getVersion();
  }

  private static String model() throws IOException {
    return Files.readString(Path.of("bpmn", "ticket-lifecycle.bpmn"));
  }

  private static String table(String name) throws IOException {
    return Files.readString(Path.of("bpmn", name + ".dmn"));
  }
}
