package ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.ApiClient;
import ticketflow.TicketflowTest;

/** The commitments preview with the shipped table: plan, queue and channel are optional, and checked when given. */
@TicketflowTest
class CommitmentsPreviewApiTest {

  static final String MONDAY_MORNING = "2026-11-30T18:00:00Z";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  ApiClient client;

  @BeforeEach
  void setUp() {
    client = new ApiClient(mvc, json);
  }

  @Test
  void theShippedTableAnswersEveryPlanQueueAndChannelAsThePriorityAlone() throws Exception {
    JsonNode alone = preview("priority=P2");
    JsonNode enterprise = preview("priority=P2&plan=ENTERPRISE&queue=billing&channel=PHONE");

    assertThat(enterprise.get("firstResponseDueAt")).isEqualTo(alone.get("firstResponseDueAt"));
    assertThat(enterprise.get("resolutionDueAt")).isEqualTo(alone.get("resolutionDueAt"));
    assertThat(alone.get("firstResponseDueAt").asText()).isEqualTo("2026-11-30T22:00:00Z");
    assertThat(alone.get("plan").isNull()).isTrue();
  }

  @Test
  void anUnknownPlanIsRefusedNamingTheField() throws Exception {
    client.invalid(client.call(get("/api/commitments?priority=P2&from=" + MONDAY_MORNING + "&plan=GOLD"), "portal", null), "plan");
  }

  @Test
  void aQueueThatIsNoAgentQueueIsRefusedNamingTheField() throws Exception {
    JsonNode errors = client.invalid(client.call(
        get("/api/commitments?priority=P2&from=" + MONDAY_MORNING + "&queue=support-email"), "portal", null), "queue");
    assertThat(errors.get(0).get("message").asText()).contains("support-web");
  }

  @Test
  void aSelfServiceChannelIsRefusedNamingTheField() throws Exception {
    client.invalid(client.call(get("/api/commitments?priority=P2&from=" + MONDAY_MORNING + "&channel=CHATBOT"), "portal", null),
        "channel");
    client.invalid(client.call(get("/api/commitments?priority=P2&from=" + MONDAY_MORNING + "&channel=FAX"), "portal", null),
        "channel");
  }

  private JsonNode preview(String query) throws Exception {
    return client.ok(client.call(get("/api/commitments?from=" + MONDAY_MORNING + "&" + query), "portal", null), 200);
  }
}
