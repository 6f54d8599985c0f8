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
 * Keeps the embedded H2 file near the size of its live data. H2 writes every commit as a new chunk of changed pages;
 * a chunk's space is reused once all its pages were replaced and it has been free for RETENTION_TIME
 * (application.yaml), so that a power loss, which can lose writes the operating system had not flushed, never finds
 * an old page overwritten. With H2's defaults a surge grew the file to thirty times its data (330 KiB per ticket).
 * Here, every second: the file is forced to disk (so a retention of a few seconds is as safe as H2's 45), and under
 * load up to {@code ticketflow.h2.compaction.busy-rewrite-bytes} of live pages from the thinnest chunks go out again
 * with the next commit, so those chunks empty and are reused. In a quiet moment (nothing committed and no page read
 * from the file for {@code quiet-after}) the file is compacted in slices of {@code quiet-slice} while it still
 * shrinks: a slice holds H2's store lock, so commits, and reads of the pages it moves, would wait for it. Does nothing on PostgreSQL or an in-memory H2.
 */
@Component
class H2Compaction {

  private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);
  /** Chunks less full than this are rewritten under load. */
  private static final int BUSY_TARGET_FILL_RATE = 80;

  private final DataSource dataSource;
  private final long quietAfterNanos;
  private final int quietMillis;
  private final int busyRewriteBytes;
  private volatile MVStore store;
  private volatile boolean probed;
  private long lastVersion = -1;
  private long lastReads = -1;
  private long changedAt = System.nanoTime();
  private boolean shrinking;
  private boolean rewrote;
  private long ticks;

  H2Compaction(DataSource dataSource,
      @Value("${ticketflow.h2.compaction.quiet-after:PT5S}") Duration quietAfter,
      @Value("${ticketflow.h2.compaction.quiet-slice:PT1S}") Duration quietSlice,
      @Value("${ticketflow.h2.compaction.busy-rewrite-bytes:0}") int busyRewriteBytes) {
    this.dataSource = dataSource;
    this.quietAfterNanos = quietAfter.toNanos();
    this.quietMillis = (int) quietSlice.toMillis();
    this.busyRewriteBytes = busyRewriteBytes;
  }

  @Scheduled(initialDelay = 1000, fixedDelay = 1000)
  void syncAndCompactWhenQuiet() {
    MVStore file = store();
    if (file == null || file.isClosed()) {
      return;
    }
    long version = file.getCurrentVersion();
    long reads = file.getFileStore().getReadCount();
    if (version == lastVersion) {
      if (reads != lastReads) {
        // Nothing written, but pages read from the file (agents in Tasklist, reports): compaction moves chunks under
        // H2's store lock, and a read of a page it moves waits for it, so a node being read is not quiet either.
        lastReads = reads;
        changedAt = System.nanoTime();
        return;
      }
      compactWhenQuiet(file);
      return;
    }
    lastReads = reads;
    // H2 stores the pages the last rewrite touched as one new version: that alone is not load.
    boolean ownWrite = rewrote && version == lastVersion + 1;
    rewrote = false;
    // Everything written more than a second ago is on disk: the retention time need only cover this second.
    file.sync();
    lastVersion = version;
    if (ownWrite) {
      return;
    }
    // Every ten seconds under load, at debug level: how much of the file its chunks still use, for an operator
    // watching the file grow.
    if (log.isDebugEnabled() && ++ticks % 10 == 0) {
      var files = file.getFileStore();
      log.debug("H2 file {} MiB, fill rate {} %, chunks' fill rate {} %, writes {}, version {}", files.size() >> 20,
          files.getFillRate(), files.getChunksFillRate(), files.getWriteCount(), version);
    }
    if (busyRewriteBytes > 0) {
      // Under load, a bounded amount of live pages from the thinnest chunks is written again with the next commit,
      // so that those chunks empty and their space is reused rather than the file growing.
      rewrote = file.compact(BUSY_TARGET_FILL_RATE, busyRewriteBytes);
      lastVersion = file.getCurrentVersion();
    }
    changedAt = System.nanoTime();
    shrinking = true;
  }

  private void compactWhenQuiet(MVStore file) {
    if (shrinking && quietMillis > 0 && System.nanoTime() - changedAt >= quietAfterNanos) {
      long before = file.getFileStore().size();
      compact(file, quietMillis);
      // Slice after slice while the node stays quiet, as long as the file still shrinks by a percent or more.
      shrinking = file.getFileStore().size() < before - before / 100;
      // What compaction itself wrote and read is not a change to react to.
      lastVersion = file.getCurrentVersion();
      lastReads = file.getFileStore().getReadCount();
    }
  }

  /** Compacts for at most about {@code millis}; H2's compaction drops the retention time, which is restored after. */
  static void compact(MVStore file, int millis) {
    int retention = file.getRetentionTime();
    long before = file.getFileStore().size();
    long started = System.nanoTime();
    try {
      file.compactFile(millis);
    } finally {
      file.setRetentionTime(retention);
    }
    log.debug("H2 file compacted in {} ms: {} → {} MiB", (System.nanoTime() - started) / 1_000_000, before >> 20,
        file.getFileStore().size() >> 20);
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
