package ticketflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/**
 * With 100,000 open tickets there are about 400,000 timer jobs: the acquisition must read only the due ones. Every
 * job has a due date, the engine acquires by due date, and the due date is indexed.
 */
@TicketflowTest
class JobDueDateIndexTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void theAcquisitionQueryIsARangeOnTheIndexedDueDate() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(jdbc.queryForList("select column_name from information_schema.index_columns where index_name = 'TF_IDX_JOB_DUEDATE'",
        String.class)).containsExactly("DUEDATE_");
  }

  @Test
  void aTicketsTimersAllHaveDueDates() throws Exception {
    String ticket = new TicketApi(mvc, json, engine.getTaskService()).submitId(TicketApi.ticket());
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticket).singleResult().getId();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).list())
        .isNotEmpty().allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
  }
}
