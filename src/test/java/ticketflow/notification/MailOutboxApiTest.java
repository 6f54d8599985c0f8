package ticketflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/** The default run has no SMTP host: nothing is sent, the outbox keeps the mails and administrators read it. */
@TicketflowTest
class MailOutboxApiTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired ApplicationContext context;

  TicketApi api;
  ApiClient client;

  @BeforeEach
  void setUp() {
    api = new TicketApi(mvc, json, tasks);
    client = new ApiClient(mvc, json);
  }

  @Test
  void withoutAnSmtpHostTheOutboxKeepsTheMailsAndAdministratorsListThem() throws Exception {
    assertThat(context.getBeanProvider(OutboxSender.class).getIfAvailable()).isNull();
    assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();

    String id = api.submitId(TicketApi.ticket());
    api.agentCompletes(id, "FirstResponse", "action", "PROPOSE_SOLUTION", "reply", "Restart the client once.");
    assertThat(api.customerAnswers(id, true, "Works").getResponse().getStatus()).isEqualTo(200);

    JsonNode pending = client.ok(client.call(get("/api/mail-outbox?status=PENDING&ticketId=" + id), ApiClient.ADMIN, null), 200);
    assertThat(pending.get("total").asLong()).isEqualTo(2);
    JsonNode closed = pending.at("/items/0");
    JsonNode proposal = pending.at("/items/1");
    assertThat(closed.get("kind").asText()).isEqualTo("CLOSED");
    assertThat(proposal.get("kind").asText()).isEqualTo("SOLUTION_PROPOSED");
    assertThat(proposal.get("recipient").asText()).isEqualTo("owner@acme-pro.example");
    assertThat(proposal.get("subject").asText()).isEqualTo("[" + id + "] Proposed solution: Recording does not start");
    assertThat(proposal.get("body").asText()).contains("Restart the client once.");
    assertThat(proposal.get("status").asText()).isEqualTo("PENDING");
    assertThat(proposal.get("attempts").asInt()).isZero();
    assertThat(proposal.get("lastError").isNull()).isTrue();
    assertThat(proposal.get("sentAt").isNull()).isTrue();
    assertThat(proposal.get("createdAt").asText()).endsWith("Z");
    assertThat(proposal.get("nextAttemptAt").asText()).isNotBlank();

    assertThat(client.ok(client.call(get("/api/mail-outbox?status=SENT&ticketId=" + id), ApiClient.ADMIN, null), 200)
        .get("total").asLong()).isZero();
    assertThat(client.ok(client.call(get("/api/mail-outbox?status=FAILED&ticketId=" + id), ApiClient.ADMIN, null), 200)
        .get("total").asLong()).isZero();

    JsonNode secondPage = client.ok(client.call(get("/api/mail-outbox?ticketId=" + id + "&size=1&page=1"), ApiClient.ADMIN, null), 200);
    assertThat(secondPage.get("total").asLong()).isEqualTo(2);
    assertThat(secondPage.get("page").asInt()).isEqualTo(1);
    assertThat(secondPage.get("size").asInt()).isEqualTo(1);
    assertThat(secondPage.get("items")).hasSize(1);
    assertThat(secondPage.at("/items/0/kind").asText()).isEqualTo("SOLUTION_PROPOSED");

    JsonNode all = client.ok(client.call(get("/api/mail-outbox"), ApiClient.ADMIN, null), 200);
    assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"portal", "web.agent", "lead", "manager"})
  void onlyAdministratorsReadTheOutbox(String user) throws Exception {
    client.problem(client.call(get("/api/mail-outbox"), user, null), 403);
  }

  @Test
  void anonymousCallersAreAskedToLogIn() throws Exception {
    client.problem(client.call(get("/api/mail-outbox"), null, null), 401);
  }

  @ParameterizedTest
  @CsvSource({"status, SOMETIMES", "ticketId, 1001", "page, -1", "size, 0", "size, 201"})
  void aBadParameterIsRefusedNamingIt(String parameter, String value) throws Exception {
    client.invalid(client.call(get("/api/mail-outbox?" + parameter + "=" + value), ApiClient.ADMIN, null), parameter);
  }
}
