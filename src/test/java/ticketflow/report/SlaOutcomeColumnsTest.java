package ticketflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ticketflow.TicketApi;

/**
 * The SLA outcomes the report reads on tf_ticket (V19) are what the record says: for tickets that went through the
 * lifecycle (clocks kept by the application) and tickets written as rows, V19's own fill, run again in a transaction
 * that is rolled back, computes from tf_sla_clock, tf_sla_event and tf_satisfaction the columns already there. Run on H2
 * and on PostgreSQL by the subclasses.
 */
abstract class SlaOutcomeColumnsTest {

  /** A month of its own, as the other report tests keep theirs. */
  static final Instant NOW = Instant.parse("2031-12-02T12:00:00Z");
  static final String COLUMNS = "id, fr_decided, fr_in_time, fr_seconds, res_decided, res_in_time, res_seconds, updates_met,"
      + " updates_missed, satisfaction_score";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  @Test
  void theColumnsAreWhatTheMigrationComputesFromTheRecord() throws Exception {
    SlaSeed seed = SlaSeed.plant(new TicketApi(mvc, json, tasks), runtime, management, jdbc, NOW);
    String prefix = seed.billingBreached().substring(0, seed.billingBreached().length() - 1);
    String ids = Stream.of(seed.breached(), seed.atRisk(), seed.answered(), prefix + "1", prefix + "2", prefix + "3", prefix + "4")
        .map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    String select = "select " + COLUMNS + " from tf_ticket where id in (" + ids + ") order by id";
    List<Map<String, Object>> kept = jdbc.queryForList(select);

    assertThat(kept).hasSize(7);
    assertThat(row(kept, seed.breached())).containsEntry("fr_decided", 1).containsEntry("fr_in_time", 0)
        .containsEntry("res_decided", 0);
    assertThat(row(kept, seed.atRisk())).containsEntry("fr_decided", 0);
    assertThat(row(kept, seed.answered())).containsEntry("fr_decided", 1).containsEntry("fr_in_time", 1);
    assertThat(((Number) row(kept, seed.answered()).get("fr_seconds")).longValue()).isEqualTo(30 * 60);
    assertThat(((Number) row(kept, prefix + "2").get("res_seconds")).longValue()).isEqualTo(48 * 3600);
    assertThat(row(kept, prefix + "2")).containsEntry("updates_met", 1).containsEntry("updates_missed", 1)
        .containsEntry("satisfaction_score", 2);

    String fill = fill() + " where id in (" + ids + ")";
    List<Map<String, Object>> computed = new TransactionTemplate(transactions).execute(status -> {
      status.setRollbackOnly();
      jdbc.update(fill);
      return jdbc.queryForList(select);
    });
    assertThat(computed).isEqualTo(kept);
  }

  private static Map<String, Object> row(List<Map<String, Object>> rows, String id) {
    return rows.stream().filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow();
  }

  /** V19's statement that fills the columns from the record, as the migration ran it. */
  private static String fill() throws Exception {
    String script = new ClassPathResource("db/migration/V19__sla_outcomes_on_tickets.sql").getContentAsString(StandardCharsets.UTF_8);
    int start = script.indexOf("update tf_ticket set");
    return script.substring(start, script.indexOf(';', start));
  }
}
