package ticketflow.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file near the size of its live data while the node runs. H2 writes every commit as a new
 * chunk of changed pages and frees the old ones only later, so under a stream of tickets the file grew to about
 * thirty times its data (330 KiB per ticket, 10 KiB of it live). Every few seconds, when less than
 * {@code ticketflow.h2.compaction.below-fill-rate} percent of the file is live, this rewrites the live pages of
 * thin chunks and moves chunks to the front so the file can shrink: for a short slice while tickets arrive (commits
 * wait for it meanwhile), for longer in a quiet moment (nothing committed since the last look). Does nothing on
 * PostgreSQL or an in-memory H2.
 */
@Component
class H2Compaction {

  private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

  private final DataSource dataSource;
  private final int belowFillRate;
  private final int busyMillis;
  private final int quietMillis;
  private volatile MVStore store;
  private volatile boolean probed;
  private long lastVersion = -1;

  H2Compaction(DataSource dataSource,
      @Value("${ticketflow.h2.compaction.below-fill-rate:50}") int belowFillRate,
      @Value("${ticketflow.h2.compaction.busy-slice:PT0.1S}") Duration busySlice,
      @Value("${ticketflow.h2.compaction.quiet-slice:PT3S}") Duration quietSlice) {
    this.dataSource = dataSource;
    this.belowFillRate = belowFillRate;
    this.busyMillis = (int) busySlice.toMillis();
    this.quietMillis = (int) quietSlice.toMillis();
  }

  @Scheduled(initialDelayString = "${ticketflow.h2.compaction.every:PT5S}", fixedDelayString = "${ticketflow.h2.compaction.every:PT5S}")
  void compactWhenWasteful() {
    MVStore file = store();
    if (file == null || file.isClosed() || belowFillRate <= 0) {
      return;
    }
    long version = file.getCurrentVersion();
    boolean quiet = version == lastVersion;
    int live = liveRate(file);
    if (live < belowFillRate) {
      compact(file, quiet ? quietMillis : busyMillis, live);
    }
    lastVersion = file.getCurrentVersion();
  }

  /**
   * Percent of the file that holds live pages: H2's fill rate counts the blocks chunks occupy, while most of a chunk
   * may hold pages later commits replaced.
   */
  static int liveRate(MVStore file) {
    return file.getFillRate() * file.getFileStore().getChunksFillRate() / 100;
  }

  /** Compacts for at most {@code millis}; H2's compaction drops the file's retention time, which is restored after. */
  static void compact(MVStore file, int millis, int fillRate) {
    int retention = file.getRetentionTime();
    long before = file.getFileStore().size();
    long started = System.nanoTime();
    try {
      file.compactFile(millis);
    } finally {
      file.setRetentionTime(retention);
    }
    log.debug("H2 file compacted in {} ms: {} → {} MiB ({} → {} % live)", (System.nanoTime() - started) / 1_000_000,
        before >> 20, file.getFileStore().size() >> 20, fillRate, liveRate(file));
  }

  private MVStore store() {
    if (!probed) {
      try (Connection connection = dataSource.getConnection()) {
        store = H2Files.store(connection);
      } catch (SQLException e) {
        log.warn("Could not reach the database to look for an H2 file: {}", e.getMessage());
        return null;
      }
      probed = true;
    }
    return store;
  }
}
