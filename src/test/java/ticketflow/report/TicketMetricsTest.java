package ticketflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/** ticketflow's metrics at /actuator/prometheus, behind login, over the seeded tickets plus a deflected one. */
@TicketflowTest
@AutoConfigureObservability
@TestPropertySource(properties = "ticketflow.test.context=metrics")
class TicketMetricsTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TicketMetrics metrics;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theTicketsShowInThePrometheusScrape() throws Exception {
    TicketApi api = new TicketApi(mvc, json, tasks);
    SlaSeed.plant(api, runtime, management, Instant.parse("2031-06-03T12:00:00Z"));
    api.submit(TicketApi.ticket("accountId", "acme-free", "requesterEmail", "owner@acme-free.example", "channel", "PHONE",
        "subject", "Nobody hears my microphone", "description", "Audio is muted for others"));
    metrics.refreshOpenTickets();

    ApiClient client = new ApiClient(mvc, json);
    MvcResult scrape = client.call(get("/actuator/prometheus"), "manager", null);
    assertThat(scrape.getResponse().getStatus()).isEqualTo(200);
    String text = scrape.getResponse().getContentAsString();
    assertThat(text)
        .contains("ticketflow_tickets_opened_total{channel=\"CHAT\",plan=\"PRO\",priority=\"P1\"} 3.0")
        .contains("ticketflow_tickets_deflected_total{channel=\"CHATBOT\",plan=\"FREE\"} 1.0")
        .contains("ticketflow_sla_at_risk_total{commitment=\"FIRST_RESPONSE\"} 1.0")
        .contains("ticketflow_sla_breached_total{commitment=\"FIRST_RESPONSE\"} 1.0")
        .contains("ticketflow_first_response_time_seconds_count{priority=\"P1\"} 1")
        .contains("ticketflow_first_response_time_seconds_bucket{priority=\"P1\",le=\"1800.0\"} 1")
        .contains("ticketflow_first_response_time_seconds_bucket{priority=\"P1\",le=\"900.0\"} 0")
        .contains("ticketflow_tickets_open{queue=\"support-chat\"} 3.0")
        .contains("ticketflow_tickets_open{queue=\"support-web\"} 0.0");
    assertThat(client.call(get("/actuator/prometheus"), "admin", null).getResponse().getStatus()).isEqualTo(200);
    client.problem(client.call(get("/actuator/prometheus"), null, null), 401);
    client.problem(client.call(get("/actuator/prometheus"), "lead", null), 403);
    client.problem(client.call(get("/actuator/prometheus"), "web.agent", null), 403);
    client.problem(client.call(get("/actuator/metrics"), "manager", null), 403);
  }
}
