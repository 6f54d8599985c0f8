package ticketflow.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file near the size of its live data without making readers wait. H2 writes every commit as
 * a new chunk of changed pages; a chunk's space is reused once all its pages were replaced and its retention time has
 * passed ({@link H2FileSync}). While tickets are written, H2's background thread rewrites the live pages of partly
 * used chunks (AUTO_COMPACT_FILL_RATE, 90 % by default) so that those chunks empty. Once nothing is written, that
 * thread rests until the next write: at 100,000 open tickets it went on rewriting for minutes after a surge, taking a
 * core and reading the file through the page cache while agents' lists were read. In a quiet moment (nothing
 * committed and no page read from the file for {@code quiet-after}) the file is compacted in slices of
 * {@code quiet-slice} while it still shrinks. {@code busy-rewrite-bytes} adds a rewrite of its own every second
 * under load (off by default). Does nothing on PostgreSQL or an in-memory H2.
 */
@Component
class H2Compaction {

  private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);
  /** Chunks less full than this are rewritten under load. */
  private static final int BUSY_TARGET_FILL_RATE = 80;
  /** A quiet moment compacts while the chunks are less full than this (H2's default for its own compaction). */
  private static final int QUIET_TARGET_FILL_RATE = 90;
  /** What one step of a quiet moment's compaction writes at most, as H2's own compaction. */
  private static final int SLICE_BYTES = 16 << 20;

  private final DataSource dataSource;
  private final GroupCommit commits;
  private final long quietAfterNanos;
  private final int quietMillis;
  private final int busyRewriteBytes;
  private volatile MVStore store;
  private volatile boolean probed;
  private long lastCommits = -1;
  private long lastReads = -1;
  private long changedAt = System.nanoTime();
  private boolean shrinking;
  private int pausedWriteDelay;
  private long ticks;

  H2Compaction(DataSource dataSource, GroupCommit commits,
      @Value("${ticketflow.h2.compaction.quiet-after:PT5S}") Duration quietAfter,
      @Value("${ticketflow.h2.compaction.quiet-slice:PT1S}") Duration quietSlice,
      @Value("${ticketflow.h2.compaction.busy-rewrite-bytes:0}") int busyRewriteBytes) {
    this.dataSource = dataSource;
    this.commits = commits;
    this.quietAfterNanos = quietAfter.toNanos();
    this.quietMillis = (int) quietSlice.toMillis();
    this.busyRewriteBytes = busyRewriteBytes;
  }

  @Scheduled(initialDelay = 1000, fixedDelay = 1000)
  void watchAndCompactWhenQuiet() {
    MVStore file = store();
    if (file == null || file.isClosed()) {
      return;
    }
    long committed = commits.writingCommits();
    long reads = file.getFileStore().getReadCount();
    if (committed == lastCommits) {
      // Nothing written: H2's own housekeeping would go on rewriting chunks (after a surge at 100,000 open tickets for
      // minutes), reading them through the page cache the readers need; it rests until the next write.
      pauseHousekeeping(file);
      if (reads != lastReads) {
        // Pages read from the file (agents in Tasklist, reports): compaction moves chunks under H2's store lock, and
        // a read of a page it moves waits for it, so a node being read is not quiet either.
        lastReads = reads;
        changedAt = System.nanoTime();
        return;
      }
      compactWhenQuiet(file);
      return;
    }
    lastCommits = committed;
    lastReads = reads;
    resumeHousekeeping(file);
    // Every ten seconds under load, at debug level: how much of the file its chunks still use, for an operator
    // watching the file grow.
    if (log.isDebugEnabled() && ++ticks % 10 == 0) {
      var files = file.getFileStore();
      log.debug("H2 file {} MiB, fill rate {} %, chunks' fill rate {} %, writes {}, version {}", files.size() >> 20,
          files.getFillRate(), files.getChunksFillRate(), files.getWriteCount(), file.getCurrentVersion());
    }
    if (busyRewriteBytes > 0) {
      // Under load, a bounded amount of live pages from the thinnest chunks is written again with the next commit,
      // so that those chunks empty and their space is reused rather than the file growing.
      file.compact(BUSY_TARGET_FILL_RATE, busyRewriteBytes);
    }
    changedAt = System.nanoTime();
    shrinking = true;
  }

  /**
   * Stops H2's background thread, which rewrites partly used chunks (AUTO_COMPACT_FILL_RATE) and writes what was
   * committed outside a transaction. Meanwhile H2 writes such a commit at once; {@link GroupCommit} writes the rest.
   */
  private void pauseHousekeeping(MVStore file) {
    int writeDelay = file.getAutoCommitDelay();
    if (writeDelay > 0) {
      pausedWriteDelay = writeDelay;
      file.setAutoCommitDelay(0);
    }
  }

  private void resumeHousekeeping(MVStore file) {
    if (pausedWriteDelay > 0) {
      file.setAutoCommitDelay(pausedWriteDelay);
      pausedWriteDelay = 0;
    }
  }

  /** Whether H2's background housekeeping rests, for tests. */
  boolean housekeepingPaused() {
    return pausedWriteDelay > 0;
  }

  private void compactWhenQuiet(MVStore file) {
    if (shrinking && quietMillis > 0 && System.nanoTime() - changedAt >= quietAfterNanos) {
      long before = file.getFileStore().size();
      compact(file, quietMillis);
      // Slice after slice while the node stays quiet, as long as the file still shrinks by a percent or more.
      shrinking = file.getFileStore().size() < before - before / 100;
      // What compaction itself read is not a reader to wait for.
      lastReads = file.getFileStore().getReadCount();
    }
  }

  /**
   * Compacts for at most about {@code millis}: rewrites the live pages of partly used chunks and moves chunks to the
   * front of the file, which then shrinks, in steps of {@link #SLICE_BYTES}, each taking H2's store lock on its own
   * (H2's {@code compactFile} holds it for the whole time, and commits wait). H2 keeps no written chunk for its
   * retention time meanwhile; the time is restored after.
   */
  static void compact(MVStore file, int millis) {
    int retention = file.getRetentionTime();
    long before = file.getFileStore().size();
    long started = System.nanoTime();
    long stopAt = started + millis * 1_000_000L;
    file.setRetentionTime(0);
    try {
      while (file.compact(QUIET_TARGET_FILL_RATE, SLICE_BYTES)) {
        file.sync();
        if (file.getFileStore() instanceof RandomAccessStore chunks) {
          chunks.compactMoveChunks(QUIET_TARGET_FILL_RATE, SLICE_BYTES, file);
        }
        if (System.nanoTime() - stopAt > 0) {
          break;
        }
      }
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
