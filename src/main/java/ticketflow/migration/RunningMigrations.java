package ticketflow.migration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which version is being migrated away from, kept beside Camunda's batch (a batch does not say which version it moves
 * tickets from). A migration runs until Camunda deletes its finished batch.
 */
@Repository
class RunningMigrations {

  private final JdbcTemplate jdbc;
  private final ManagementService management;
  private final Clock clock;

  RunningMigrations(JdbcTemplate jdbc, ManagementService management, Clock clock) {
    this.jdbc = jdbc;
    this.management = management;
    this.clock = clock;
  }

  /**
   * Claims the version for a migration, or answers false when one from it still runs (on any node): call in the
   * transaction that starts the batch, then {@link #started}.
   */
  boolean claim(int fromVersion, int toVersion, String startedBy) {
    List<String> running = jdbc.queryForList("select batch_id from tf_lifecycle_migration where from_version = ?",
        String.class, fromVersion);
    if (!running.isEmpty()) {
      if (management.createBatchQuery().batchId(running.get(0)).count() > 0) {
        return false;
      }
      jdbc.update("delete from tf_lifecycle_migration where from_version = ? and batch_id = ?", fromVersion, running.get(0));
    }
    try {
      jdbc.update("insert into tf_lifecycle_migration (from_version, to_version, batch_id, started_by, started_at)"
          + " values (?,?,?,?,?)", fromVersion, toVersion, "", startedBy, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      return true;
    } catch (DuplicateKeyException raced) {
      return false;
    }
  }

  void started(int fromVersion, String batchId) {
    jdbc.update("update tf_lifecycle_migration set batch_id = ? where from_version = ?", batchId, fromVersion);
  }

  record Started(int fromVersion, String startedBy) {
  }

  /** The migration to the version, when exactly one was started (several from different versions cannot be told apart). */
  Started to(int toVersion) {
    List<Started> started = jdbc.query("select from_version, started_by from tf_lifecycle_migration where to_version = ?",
        (rs, row) -> new Started(rs.getInt("from_version"), rs.getString("started_by")), toVersion);
    return started.size() == 1 ? started.get(0) : null;
  }

  /** Whether a migration from the version still runs. */
  boolean running(int fromVersion) {
    return jdbc.queryForList("select batch_id from tf_lifecycle_migration where from_version = ?", String.class, fromVersion)
        .stream().anyMatch(batchId -> management.createBatchQuery().batchId(batchId).count() > 0);
  }
}
