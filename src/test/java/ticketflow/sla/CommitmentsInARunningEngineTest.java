package ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.TicketApi;

/**
 * The engine running with its job executor, as operators run it: a designer shortens the commitments table (a new
 * deployment, no code) and tickets submitted afterwards go AT_RISK, then BREACHED, with their times in the API.
 * Also measures how late due timers fire (printed, not asserted: machines here are shared and noisy).
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=true")
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
// Closed afterwards: its job executor would go on firing the 71 tickets' timers, all at once when a later test moves
// the engine clock (JVM-wide) years ahead, taking CPU from every test after it.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CommitmentsInARunningEngineTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aShortenedCommitmentsTableTakesTicketsAtRiskThenBreachedAndTimersFireOnTime() throws Exception {
    String table = Files.readString(Path.of("bpmn/commitments.dmn"), StandardCharsets.UTF_8)
        // The designer's edit: P3 on wall-clock time, first response in 8 seconds, resolution in a minute.
        .replace("<outputEntry id=\"normalFirstResponse\"><text>\"P1D\"</text>", "<outputEntry id=\"normalFirstResponse\"><text>\"PT8S\"</text>")
        .replace("<text>\"P10D\"</text>", "<text>\"PT60S\"</text>")
        .replace("<outputEntry id=\"normalCalendar\"><text>\"business\"</text>", "<outputEntry id=\"normalCalendar\"><text>\"24x7\"</text>");
    assertThat(table).contains("PT8S", "PT60S");
    repository.createDeployment().name("designer: short P3 commitments").addString("commitments.dmn", table).deploy();

    TicketApi api = new TicketApi(mvc, json, tasks);
    String first = api.submitId(TicketApi.ticket());
    await().atMost(Duration.ofSeconds(30)).until(() -> api.view(first).at("/sla/firstResponse/state").asText().equals("BREACHED"));
    JsonNode breached = api.view(first);
    Instant created = Instant.parse(breached.get("createdAt").asText());
    assertThat(breached.get("escalationLevel").asInt()).isEqualTo(1);
    assertThat(eventTimes(breached, "AT_RISK")).singleElement().satisfies(at -> assertThat(at).isAfterOrEqualTo(created.plusSeconds(6)));
    assertThat(eventTimes(breached, "BREACHED")).singleElement().satisfies(at -> assertThat(at).isAfterOrEqualTo(created.plusSeconds(8)));

    // Lateness: 70 more tickets, three first-response timers each, due 6, 8 and 12 s after submission.
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      ids.add(api.submitId(TicketApi.ticket()));
    }
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
        jdbc.queryForObject("select count(*) from tf_sla_event where commitment = 'FIRST_RESPONSE' and event in ('AT_RISK','BREACHED')"
            + " or (commitment = 'FIRST_RESPONSE' and event = 'ESCALATED' and level = 2)", Integer.class) >= 3 * (ids.size() + 1));
    List<Long> lateness = new ArrayList<>();
    for (String id : ids) {
      JsonNode view = api.view(id);
      Instant submitted = Instant.parse(view.get("createdAt").asText());
      for (JsonNode e : view.at("/sla/events")) {
        long dueAfter = switch (e.get("event").asText() + e.get("level").asText()) {
          case "AT_RISKnull" -> 6_000;
          case "BREACHEDnull" -> 8_000;
          case "ESCALATED2" -> 12_000;
          default -> -1;
        };
        if (dueAfter >= 0 && e.get("commitment").asText().equals("FIRST_RESPONSE")) {
          lateness.add(Duration.between(submitted.plusMillis(dueAfter), Instant.parse(e.get("at").asText())).toMillis());
        }
      }
    }
    Collections.sort(lateness);
    assertThat(lateness).hasSizeGreaterThanOrEqualTo(200).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(0));
    String figures = String.format("timer lateness (due -> fired) over %d timers: median %d ms, p95 %d ms, max %d ms%n",
        lateness.size(), lateness.get(lateness.size() / 2), lateness.get(lateness.size() * 95 / 100), lateness.get(lateness.size() - 1));
    System.out.print(figures);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/timer-lateness.txt"), figures);
  }

  private static List<Instant> eventTimes(JsonNode view, String event) {
    List<Instant> times = new ArrayList<>();
    view.at("/sla/events").forEach(e -> {
      if (e.get("event").asText().equals(event) && e.get("commitment").asText().equals("FIRST_RESPONSE")) {
        times.add(Instant.parse(e.get("at").asText()));
      }
    });
    return times;
  }

}
