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
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/**
 * ticketflow's metrics at /actuator/prometheus, behind login, over the seeded tickets plus a deflected one. The
 * context is shared: every figure is what the seed added to the scrape before it.
 */
@TicketflowTest
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
    ApiClient client = new ApiClient(mvc, json);
    metrics.refreshOpenTickets();
    Map<String, Double> before = scrape(client);
    // Tuesday 2030-06-04, a day of its own: the seed's tickets are not in any other test's time window.
    SlaSeed.plant(api, runtime, management, Instant.parse("2030-06-04T12:00:00Z"));
    api.submit(TicketApi.ticket("accountId", "acme-free", "requesterEmail", "owner@acme-free.example", "channel", "PHONE",
        "subject", "Nobody hears my microphone", "description", "Audio is muted for others"));
    metrics.refreshOpenTickets();

    Map<String, Double> after = scrape(client);
    assertThat(grown(before, after, "ticketflow_tickets_opened_total{channel=\"CHAT\",plan=\"PRO\",priority=\"P1\"}")).isEqualTo(3);
    assertThat(grown(before, after, "ticketflow_tickets_deflected_total{channel=\"CHATBOT\",plan=\"FREE\"}")).isEqualTo(1);
    assertThat(grown(before, after, "ticketflow_sla_at_risk_total{commitment=\"FIRST_RESPONSE\"}")).isEqualTo(1);
    assertThat(grown(before, after, "ticketflow_sla_breached_total{commitment=\"FIRST_RESPONSE\"}")).isEqualTo(1);
    assertThat(grown(before, after, "ticketflow_first_response_time_seconds_count{priority=\"P1\"}")).isEqualTo(1);
    assertThat(grown(before, after, "ticketflow_first_response_time_seconds_bucket{priority=\"P1\",le=\"1800.0\"}")).isEqualTo(1);
    assertThat(grown(before, after, "ticketflow_first_response_time_seconds_bucket{priority=\"P1\",le=\"900.0\"}")).isEqualTo(0);
    assertThat(grown(before, after, "ticketflow_tickets_open{queue=\"support-chat\"}")).isEqualTo(3);
    assertThat(grown(before, after, "ticketflow_tickets_open{queue=\"support-web\"}")).isEqualTo(0);
    assertThat(client.call(get("/actuator/prometheus"), "admin", null).getResponse().getStatus()).isEqualTo(200);
    client.problem(client.call(get("/actuator/prometheus"), null, null), 401);
    client.problem(client.call(get("/actuator/prometheus"), "lead", null), 403);
    client.problem(client.call(get("/actuator/prometheus"), "web.agent", null), 403);
    client.problem(client.call(get("/actuator/metrics"), "manager", null), 403);
  }

  /** The manager's scrape: each sample's value by its name and labels, as Prometheus shows them. */
  private static Map<String, Double> scrape(ApiClient client) throws Exception {
    MvcResult scrape = client.call(get("/actuator/prometheus"), "manager", null);
    assertThat(scrape.getResponse().getStatus()).isEqualTo(200);
    Map<String, Double> samples = new HashMap<>();
    for (String line : scrape.getResponse().getContentAsString().split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int space = line.lastIndexOf(' ');
        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return samples;
  }

  /** How much a sample grew between two scrapes; it must be in the second (a series not yet there counts from 0). */
  private static double grown(Map<String, Double> before, Map<String, Double> after, String sample) {
    assertThat(after).as("scraped samples").containsKey(sample);
    return after.get(sample) - before.getOrDefault(sample, 0.0);
  }
}
