package ticketflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A stream of small commits (as tickets arrive, one H2 chunk each) keeps the file near its data when the file is
 * forced to disk often and written chunks are kept only a few of those intervals, instead of H2's 45 s.
 */
class H2FileSyncTest {

  @TempDir Path directory;

  @Test
  void aFileForcedToDiskOftenStaysNearItsDataWhileCommitsStreamIn() throws Exception {
    long withH2Retention = churnedFileSize("h2-retention", null);
    long withSync = churnedFileSize("synced", Duration.ofMillis(50));
    // Measured: 6 MiB against 30 MiB.
    assertThat(withSync).as("bytes forced to disk every 50 ms, against %d with H2's retention", withH2Retention)
        .isLessThan(withH2Retention / 2);
  }

  @Test
  void everyWriteIsForcedToDiskAndWrittenChunksAreKeptFourIntervals() throws Exception {
    JdbcDataSource dataSource = dataSource("notes");
    try (Connection keepOpen = dataSource.getConnection()) {
      H2FileSync sync = new H2FileSync(dataSource, Duration.ofMillis(50));
      sync.start();
      try {
        MVStore file = H2Files.store(keepOpen);
        assertThat(file.getRetentionTime()).isEqualTo(200);
        H2CompactionTest.churn(dataSource, new JdbcTemplate(dataSource));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> sync.syncedWrites() == file.getFileStore().getWriteCount());
      } finally {
        sync.stop();
      }
    }
  }

  @Test
  void anInMemoryDatabaseHasNoFileToForce() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:sync-test");
    try (Connection keepOpen = dataSource.getConnection()) {
      H2FileSync sync = new H2FileSync(dataSource, Duration.ofMillis(50));
      sync.start();
      sync.syncWhenWritten();
      assertThat(sync.syncedWrites()).isEqualTo(-1);
      sync.stop();
    }
  }

  @Test
  void aSyncIntervalMustBePositive() {
    assertThatThrownBy(() -> new H2FileSync(new JdbcDataSource(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ticketflow.h2.sync-interval");
  }

  private long churnedFileSize(String name, Duration syncInterval) throws Exception {
    JdbcDataSource dataSource = dataSource(name);
    try (Connection keepOpen = dataSource.getConnection()) {
      H2FileSync sync = syncInterval == null ? null : new H2FileSync(dataSource, syncInterval);
      if (sync != null) {
        sync.start();
      }
      try {
        H2CompactionTest.churn(dataSource, new JdbcTemplate(dataSource));
        return Files.size(directory.resolve(name + ".mv.db"));
      } finally {
        if (sync != null) {
          sync.stop();
        }
      }
    }
  }

  private JdbcDataSource dataSource(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    // As application.yaml, but the database closes with its last connection.
    dataSource.setURL("jdbc:h2:file:" + directory.resolve(name).toAbsolutePath() + ";WRITE_DELAY=500;COMPRESS=TRUE");
    dataSource.setUser("sa");
    return dataSource;
  }
}
