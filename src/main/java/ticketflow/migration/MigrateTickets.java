package ticketflow.migration;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ticketflow.api.ApiException;

/**
 * Moves the open tickets of one lifecycle version to another: previews which would move and which are blocked, or
 * starts a Camunda batch for the movable ones (one ticket per batch job, so each moves entirely or not at all, and a
 * failing one is retried and shown as an incident in Cockpit). Blocked tickets are not part of the batch.
 */
@Service
class MigrateTickets {

  private final LifecycleVersions versions;
  private final MigrationPlanner planner;
  private final WaitingTickets waiting;
  private final RunningMigrations running;
  private final RuntimeService runtime;

  MigrateTickets(LifecycleVersions versions, MigrationPlanner planner, WaitingTickets waiting, RunningMigrations running,
      RuntimeService runtime) {
    this.versions = versions;
    this.planner = planner;
    this.waiting = waiting;
    this.running = running;
    this.runtime = runtime;
  }

  @Transactional
  MigrationReport migrate(MigrationRequest request, String startedBy) {
    if (request.fromVersion() == null) {
      throw ApiException.invalidField("fromVersion", "is required: the version whose open tickets move");
    }
    ProcessDefinition from = versions.version(request.fromVersion())
        .orElseThrow(() -> ApiException.invalidField("fromVersion", "names no deployed version of the lifecycle"));
    ProcessDefinition to = request.toVersion() == null ? versions.latest() : versions.version(request.toVersion())
        .orElseThrow(() -> ApiException.invalidField("toVersion", "names no deployed version of the lifecycle"));
    if (from.getVersion() == to.getVersion()) {
      throw ApiException.invalidField("toVersion", "must differ from fromVersion (" + from.getVersion() + ")");
    }
    boolean dryRun = request.dryRun() == null || request.dryRun();
    if (running.running(from.getVersion())) {
      throw ApiException.conflict("A migration from version " + from.getVersion() + " is still running;"
          + " wait until its batch has finished (Cockpit, Batches).");
    }
    MigrationPlanner.Planned planned = planner.plan(from, to);
    WaitingTickets.Sorted sorted = waiting.sort(from, planned);
    String batchId = null;
    if (!dryRun && !sorted.movable().isEmpty()) {
      if (!running.claim(from.getVersion(), to.getVersion(), startedBy)) {
        throw ApiException.conflict("A migration from version " + from.getVersion() + " has just been started.");
      }
      Batch batch = runtime.newMigration(planned.plan()).processInstanceIds(sorted.movable()).executeAsync();
      running.started(from.getVersion(), batch.getId());
      batchId = batch.getId();
    }
    return new MigrationReport(from.getVersion(), to.getVersion(), dryRun, sorted.tickets(), sorted.movable().size(),
        sorted.blocked(), batchId);
  }
}
