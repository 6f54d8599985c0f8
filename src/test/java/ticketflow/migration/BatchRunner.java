package ticketflow.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;

/** Does what the job executor (off in tests) does with a batch: the seed job creates the batch jobs, each moves one ticket. */
final class BatchRunner {

  private BatchRunner() {
  }

  static void run(ManagementService management, String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    assertThat(batch).as("batch %s", batchId).isNotNull();
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId())) {
      List<Job> jobs;
      while (!(jobs = management.createJobQuery().jobDefinitionId(definition).list()).isEmpty()) {
        jobs.forEach(job -> management.executeJob(job.getId()));
      }
    }
    management.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).list()
        .forEach(job -> management.executeJob(job.getId()));
    assertThat(management.createBatchQuery().batchId(batchId).count()).as("the batch finished").isZero();
  }
}
