package ticketflow.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/** A priority changes only with a reason, and the ticket keeps who changed it, when and why; staff see it, customers not. */
@TicketflowTest
class PriorityHistoryTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;

  TicketApi api;

  @BeforeEach
  void setUp() {
    api = new TicketApi(mvc, json, tasks);
  }

  @Test
  void theTicketKeepsEveryPriorityChangeWithItsReasonAndWhoMadeIt() throws Exception {
    String id = api.submitId(TicketApi.ticket());
    assertThat(api.perform(post("/api/tickets/" + id + "/priority"), "web.agent",
        Map.of("priority", "P1", "reason", "The whole team is blocked")).getResponse().getStatus()).isEqualTo(200);
    api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "On it.", "newPriority", "P2",
        "priorityReason", "A workaround exists");

    JsonNode staff = api.read(api.perform(get("/api/tickets/" + id), "web.agent", null));
    assertThat(staff.get("priority").asText()).isEqualTo("P2");
    assertThat(staff.at("/priorityChanges/0/from").asText()).isEqualTo("P3");
    assertThat(staff.at("/priorityChanges/0/to").asText()).isEqualTo("P1");
    assertThat(staff.at("/priorityChanges/0/reason").asText()).isEqualTo("The whole team is blocked");
    assertThat(staff.at("/priorityChanges/0/by").asText()).isEqualTo("web.agent");
    assertThat(staff.at("/priorityChanges/0/at").asText()).isNotBlank();
    assertThat(staff.at("/priorityChanges/1/from").asText()).isEqualTo("P1");
    assertThat(staff.at("/priorityChanges/1/to").asText()).isEqualTo("P2");
    assertThat(staff.at("/priorityChanges/1/reason").asText()).isEqualTo("A workaround exists");

    JsonNode customer = api.view(id);
    assertThat(customer.get("priorityChanges")).isEmpty();
  }
}
