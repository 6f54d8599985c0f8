package ticketflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The engine as the README runs it (file H2, webapps, engine REST, API), started twice on the same data:
 * the second start finds the open ticket and its task and deploys nothing new.
 */
@Tag("server")
@ExtendWith(OutputCaptureExtension.class)
class StartupSmokeTest {

  private static final String TICKET = """
      {"accountId":"acme-pro","requesterEmail":"owner@acme-pro.example","channel":"WEB","category":"TECHNICAL",
       "impact":"FEATURE_ISSUE","workaround":"NONE","subject":"Recording does not start","description":"Greyed out."}""";

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void theEngineStartsServesEverythingAndKeepsOpenTicketsAcrossARestart(@TempDir Path data, CapturedOutput output) throws Exception {
    String ticketId;
    long definitions;
    long deployments;
    try (ConfigurableApplicationContext first = start(data)) {
      String base = base(first);
      assertThat(send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build()).body()).contains("\"UP\"");
      assertThat(send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build()).statusCode()).isEqualTo(200);
      assertThat(send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/task")).build()).statusCode()).isEqualTo(401);
      assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/tickets")).build()).statusCode()).isEqualTo(401);

      HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/api/tickets"))
          .header("Authorization", basic("portal", "demo")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(TICKET)).build());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      ticketId = created.headers().firstValue("Location").orElseThrow().replace("/api/tickets/", "");
      definitions = first.getBean(RepositoryService.class).createProcessDefinitionQuery().count();
      deployments = first.getBean(RepositoryService.class).createDeploymentQuery().count();
    }
    assertThat(output.getOut()).contains("Created administrator 'admin' with generated password");

    try (ConfigurableApplicationContext second = start(data)) {
      assertThat(second.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(ticketId)
          .taskDefinitionKey("FirstResponse").count()).isEqualTo(1);
      assertThat(second.getBean(RepositoryService.class).createProcessDefinitionQuery().count()).isEqualTo(definitions);
      assertThat(second.getBean(RepositoryService.class).createDeploymentQuery().count()).isEqualTo(deployments);
      HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(base(second) + "/api/tickets/" + ticketId))
          .header("Authorization", basic("portal", "demo")).build());
      assertThat(read.body()).contains("\"status\":\"OPEN\"");
    }
    // The generated password is shown once, at creation only.
    assertThat(output.getOut().split("with generated password", -1)).hasSize(2);
  }

  private static ConfigurableApplicationContext start(Path data) {
    return new SpringApplicationBuilder(TicketflowApplication.class)
        .profiles("demo")
        .run("--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:" + data.resolve("ticketflow") + ";DB_CLOSE_ON_EXIT=FALSE",
            "--ticketflow.admin.password=",
            "--camunda.bpm.job-execution.enabled=false");
  }

  private static String base(ConfigurableApplicationContext context) {
    return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
