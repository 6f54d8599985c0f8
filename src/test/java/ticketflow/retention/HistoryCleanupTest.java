package ticketflow.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;
import ticketflow.process.ModelContract;

/** Camunda's history cleanup runs nightly in its window and removes an ended ticket's history after the retention period. */
@TicketflowTest
class HistoryCleanupTest {

  private static final LocalTime WINDOW_START = LocalTime.of(1, 0);
  private static final LocalTime WINDOW_END = LocalTime.of(5, 0);
  private static final int RETENTION_DAYS = 730;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired ProcessEngineConfigurationImpl engine;

  @AfterEach
  void resetClockAndWindow() {
    ClockUtil.reset();
    // The cleanup job was moved on with the clock; it waits for tonight's window again.
    history.cleanUpHistoryAsync();
  }

  @Test
  void everyModelKeepsHistoryAsLongAsTicketsKeepPersonalData() {
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ModelContract.PROCESS).latestVersion().singleResult()
        .getHistoryTimeToLive()).isEqualTo(RETENTION_DAYS);
    assertThat(repository.createDecisionDefinitionQuery().list()).isNotEmpty()
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(RETENTION_DAYS));
  }

  @Test
  void theCleanupIsScheduledWithinItsNightlyWindow() {
    assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(history.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> {
      LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
      assertThat(due).isBetween(WINDOW_START, WINDOW_END);
    });
  }

  @Test
  void theCleanupRemovesAnEndedTicketsHistoryOnceItsTimeIsUp() throws Exception {
    String ticket = new Requester(new TicketApi(mvc, json, tasks), jdbc).closes();
    HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ticket).singleResult();
    assertThat(ended.getRemovalTime()).isNotNull();
    ZonedDateTime due = ended.getRemovalTime().toInstant().atZone(ZoneId.systemDefault());

    nightAt(due.minusDays(1));
    assertThat(historyOf(ticket)).as("a day before its time").isPositive();

    nightAt(due.plusDays(1));
    for (int run = 0; run < 100 && historyOf(ticket) > 0; run++) {
      history.findHistoryCleanupJobs().forEach(job -> management.executeJob(job.getId()));
    }
    assertThat(historyOf(ticket)).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ended.getId()).count()).isZero();
  }

  /** The clock at 02:00 of that night, within the window, and the cleanup run there. */
  private void nightAt(ZonedDateTime day) {
    ClockUtil.setCurrentTime(Date.from(day.toLocalDate().atTime(2, 0).atZone(ZoneId.systemDefault()).toInstant()));
    for (Job job : history.findHistoryCleanupJobs()) {
      management.executeJob(job.getId());
    }
  }

  private long historyOf(String ticket) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ticket).count()
        + history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(ticket).count();
  }
}
