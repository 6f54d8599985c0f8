package ticketflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/** ticketflow's metrics at /actuator/prometheus, behind login, over the seeded tickets plus a deflected one. */
@TicketflowTest
@AutoConfigureObservability
// A quick refresh for the scheduled gauge count; this class has its own context already.
@TestPropertySource(properties = {"ticketflow.test.context=metrics", "ticketflow.metrics.open-tickets-refresh=PT0.2S"})
class TicketMetricsTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TicketMetrics metrics;
  @Autowired MeterRegistry registry;
  @Autowired JdbcTemplate jdbc;
  @Autowired Environment environment;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theOpenTicketGaugesRefreshOnTheirOwnWithoutSmtp() {
    assertThat(environment.getProperty("spring.mail.host")).isNull();
    // Straight into the table (no process, no counters) and removed again, so the scrape test's numbers stay as they are.
    String id = "TF-GAUGE-" + System.nanoTime();
    jdbc.update("insert into tf_ticket (id, account_id, requester_email, category, impact, workaround, subject, description,"
        + " status, requested_channel, queue, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)", id, "acme-pro",
        "owner@acme-pro.example", "SALES_INQUIRY", "INFORMATION_REQUEST", "NONE", "More seats", "We need ten more seats", "OPEN", "WEB",
        "sales", "portal", OffsetDateTime.now(ZoneOffset.UTC));
    try {
      long open = jdbc.queryForObject("select count(*) from tf_ticket where queue = 'sales' and status not in ('CLOSED', 'DEFLECTED')",
          Long.class);

      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> registry.get("ticketflow.tickets.open").tag("queue", "sales").gauge().value() == open);
    } finally {
      jdbc.update("delete from tf_ticket where id = ?", id);
    }
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
