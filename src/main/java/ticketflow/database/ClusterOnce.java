package ticketflow.database;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets one node of a cluster run a scheduled job: every node's scheduler fires, the first to move the job's row
 * ({@code tf_scheduled_run}) on from a run at least {@code gap} ago runs it, the others find the row moved and skip.
 * The claim commits on its own, before the work, so the work may take any number of transactions.
 */
@Component
public class ClusterOnce {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final String node = ManagementFactory.getRuntimeMXBean().getName();

  ClusterOnce(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** True when this node may run {@code job} now; false when another run started less than {@code gap} ago. */
  public boolean claim(String job, Duration gap) {
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    Integer claimed = ownTransaction.execute(status -> jdbc.update("update tf_scheduled_run set last_started_at = ?, started_by = ?"
        + " where name = ? and (last_started_at is null or last_started_at <= ?)", now, node, job, now.minus(gap)));
    return claimed != null && claimed == 1;
  }
}
