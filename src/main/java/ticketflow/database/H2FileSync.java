package ticketflow.database;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Forces the embedded H2 file to disk every {@code ticketflow.h2.sync-interval} when something was written, and lets
 * H2 reuse the space of a chunk four intervals after it was written. H2 keeps every chunk for its retention time
 * (45 s by default) on the assumption that the operating system has put it on disk by then, so that a power loss
 * never finds the pages of the last state it can recover overwritten. The file holds, beyond its live data,
 * everything written within that time: at 2,000 open tickets a surge peaked at 55 KiB per ticket with 5 s, 25 KiB
 * with 1 s. Forced to disk this often, the file is as safe with a retention of one second (at 250 ms) as with H2's
 * 45. Its own thread: a long scheduled task elsewhere must not hold the sync back beyond the retention time. Does
 * nothing on PostgreSQL or an in-memory H2.
 */
@Component
class H2FileSync {

  private static final Logger log = LoggerFactory.getLogger(H2FileSync.class);
  /** How many sync intervals a written chunk is kept: the sync after it may be late or slow. */
  static final int RETENTION_INTERVALS = 4;

  private final DataSource dataSource;
  private final Duration interval;
  private ScheduledExecutorService thread;
  private volatile MVStore store;
  private volatile long syncedWrites = -1;

  H2FileSync(DataSource dataSource, @Value("${ticketflow.h2.sync-interval:PT0.25S}") Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("ticketflow.h2.sync-interval must be positive, was " + interval);
    }
    this.dataSource = dataSource;
    this.interval = interval;
  }

  @EventListener(ContextRefreshedEvent.class)
  synchronized void start() throws SQLException {
    if (thread != null) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      store = H2Files.store(connection);
    }
    if (store == null) {
      return;
    }
    int retentionMillis = (int) interval.toMillis() * RETENTION_INTERVALS;
    store.setRetentionTime(retentionMillis);
    thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread daemon = new Thread(runnable, "h2-file-sync");
      daemon.setDaemon(true);
      return daemon;
    });
    thread.scheduleWithFixedDelay(this::syncWhenWritten, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    log.info("H2 file forced to disk every {} ms; space of written pages reusable after {} ms", interval.toMillis(),
        retentionMillis);
  }

  /** Forces the file to disk if anything was written to it since the last time. */
  void syncWhenWritten() {
    MVStore file = store;
    try {
      if (file == null || file.isClosed()) {
        return;
      }
      long writes = file.getFileStore().getWriteCount();
      if (writes != syncedWrites) {
        file.sync();
        syncedWrites = writes;
      }
    } catch (RuntimeException e) {
      // A store closing under us (the node stops): the close writes and forces the file itself.
      if (!file.isClosed()) {
        log.warn("Could not force the H2 file to disk: {}", e.toString());
      }
    }
  }

  /** The file's write count at the last sync, for tests. */
  long syncedWrites() {
    return syncedWrites;
  }

  @PreDestroy
  synchronized void stop() throws InterruptedException {
    if (thread != null) {
      thread.shutdown();
      thread.awaitTermination(10, TimeUnit.SECONDS);
      thread = null;
    }
  }
}
