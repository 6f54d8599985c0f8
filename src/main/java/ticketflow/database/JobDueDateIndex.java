package ticketflow.database;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets job acquisition find due timers without reading every job: each open ticket keeps four or five timers, and
 * with 100,000 open tickets the acquisition query read all 400,000 or so jobs at every poll. With the engine set to
 * always give jobs a due date (ensureJobDueDateNotNull) and to acquire by due date (application.yaml), the query is
 * a range on this index. Camunda's schema has no such index; it is created once, after the engine made its tables.
 */
@Component
class JobDueDateIndex {

  private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);

  JobDueDateIndex(ProcessEngine engine, JdbcTemplate jdbc) {
    String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
    jdbc.execute("create index if not exists TF_IDX_JOB_DUEDATE on " + prefix + "ACT_RU_JOB(DUEDATE_)");
    // Jobs created before ensureJobDueDateNotNull had none; without one the acquisition would never see them.
    int undated = jdbc.update("update " + prefix + "ACT_RU_JOB set DUEDATE_ = CURRENT_TIMESTAMP where DUEDATE_ is null");
    if (undated > 0) {
      log.info("Gave {} jobs without a due date one (now), so that job acquisition finds them", undated);
    }
  }
}
