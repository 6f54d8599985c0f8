package ticketflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded H2 file stays near its data: a stream of small commits (as tickets arrive, one chunk each) leaves
 * most of the file dead; a quiet moment compacts it, and a graceful stop rewrites it with the live data only.
 */
class H2CompactionTest {

  @TempDir Path directory;

  @Test
  void aQuietMomentShrinksAFileFullOfReplacedPages() throws Exception {
    JdbcDataSource dataSource = dataSource();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try (Connection keepOpen = dataSource.getConnection()) {
      churn(dataSource, jdbc);
      long before = size();
      H2Compaction compaction = compactingAtOnce(dataSource);
      compaction.watchAndCompactWhenQuiet(); // sees the commits
      compaction.watchAndCompactWhenQuiet(); // nothing committed since: compacts
      assertThat(size()).isLessThan(before / 2);
      assertThat(jdbc.queryForObject("select count(*) from note", Integer.class)).isEqualTo(200);
    }
  }

  @Test
  void aNodeWhoseFileIsBeingReadIsNotQuiet() throws Exception {
    // No page cache: every read goes to the file, as on a node whose data outgrew the cache (agents in Tasklist).
    JdbcDataSource dataSource = dataSource(";CACHE_SIZE=0");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try (Connection keepOpen = dataSource.getConnection()) {
      churn(dataSource, jdbc);
      long before = size();
      H2Compaction compaction = compactingAtOnce(dataSource);
      compaction.watchAndCompactWhenQuiet(); // sees the commits
      for (int look = 0; look < 3; look++) {
        assertThat(jdbc.queryForObject("select count(*) from note where text like '%round 19%'", Integer.class)).isEqualTo(200);
        compaction.watchAndCompactWhenQuiet(); // read since the last look: a compaction slice would make readers wait
        assertThat(size()).isEqualTo(before);
      }
      compaction.watchAndCompactWhenQuiet(); // nothing written or read since: compacts
      assertThat(size()).isLessThan(before / 2);
    }
  }

  @Test
  void theRewriteUnderLoadDoesNotKeepTheNodeFromItsQuietMoment() throws Exception {
    JdbcDataSource dataSource = dataSource();
    try (Connection keepOpen = dataSource.getConnection()) {
      churn(dataSource, new JdbcTemplate(dataSource));
      long before = size();
      H2Compaction compaction = new H2Compaction(dataSource, new GroupCommit(), Duration.ZERO, Duration.ofSeconds(5), 4 << 20);
      // H2 stores what each rewrite touched within its write delay; the looks go on until a quiet one compacts.
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
        compaction.watchAndCompactWhenQuiet();
        assertThat(size()).isLessThan(before / 2);
      });
    }
  }

  @Test
  void h2sHousekeepingRestsWhileNothingIsWrittenAndResumesWithTheNextWrite() throws Exception {
    JdbcDataSource dataSource = dataSource();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    GroupCommit groupCommit = new GroupCommit();
    try (Connection keepOpen = dataSource.getConnection()) {
      MVStore file = H2Files.store(keepOpen);
      H2Compaction compaction = new H2Compaction(dataSource, groupCommit, Duration.ofHours(1), Duration.ofSeconds(1), 0);
      churn(dataSource, jdbc, groupCommit);
      compaction.watchAndCompactWhenQuiet(); // sees the commits
      assertThat(file.getAutoCommitDelay()).isEqualTo(500);
      compaction.watchAndCompactWhenQuiet(); // nothing written since
      assertThat(compaction.housekeepingPaused()).isTrue();
      assertThat(file.getAutoCommitDelay()).isZero();

      // Written while H2's background thread rests: H2 writes it at once, and group commit sees it in the file.
      new TransactionTemplate(new DurableCommitTransactionManager(dataSource, groupCommit))
          .executeWithoutResult(status -> jdbc.update("update note set text = 'after the rest' where id = 1"));
      assertThat(file.hasUnsavedChanges()).isFalse();
      compaction.watchAndCompactWhenQuiet(); // sees the write
      assertThat(compaction.housekeepingPaused()).isFalse();
      assertThat(file.getAutoCommitDelay()).isEqualTo(500);
    }
  }

  @Test
  void aGracefulStopLeavesTheLiveDataOnly() throws Exception {
    JdbcDataSource dataSource = dataSource();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    try (Connection keepOpen = dataSource.getConnection()) {
      churn(dataSource, jdbc);
      long before = size();
      new CompactOnStop(new MockEnvironment()).postProcessBeforeDestruction(dataSource, "dataSource");
      assertThat(size()).isLessThan(before / 4);
    }
    assertThat(new JdbcTemplate(dataSource()).queryForObject("select count(*) from note", Integer.class)).isEqualTo(200);
  }

  @Test
  void aGracefulStopThroughThePoolLeavesNoErrorInH2sTraceFile() throws Exception {
    try (HikariDataSource pool = new HikariDataSource()) {
      // As the application runs it: a pool over a database that stays open until SHUTDOWN.
      pool.setJdbcUrl(dataSource(";DB_CLOSE_ON_EXIT=FALSE").getURL());
      pool.setUsername("sa");
      new JdbcTemplate(pool).execute("create table note(id int primary key, text varchar(2000))");
      new CompactOnStop(new MockEnvironment()).postProcessBeforeDestruction(pool, "dataSource");
    }
    // H2 writes every failed call on a closed connection there: a clean stop must not look like a failure.
    assertThat(directory.resolve("notes.trace.db")).doesNotExist();
    assertThat(new JdbcTemplate(dataSource()).queryForList("select id from note", Integer.class)).isEmpty();
  }

  @Test
  void anOperatorMayKeepTheStopShort() throws Exception {
    JdbcDataSource dataSource = dataSource();
    try (Connection keepOpen = dataSource.getConnection()) {
      churn(dataSource, new JdbcTemplate(dataSource));
      long before = size();
      new CompactOnStop(new MockEnvironment().withProperty("ticketflow.h2.compact-on-stop", "false"))
          .postProcessBeforeDestruction(dataSource, "dataSource");
      assertThat(size()).isEqualTo(before);
    }
  }

  /** 200 notes, each updated 20 times in a transaction of its own, written at every commit as group commit does. */
  static void churn(JdbcDataSource dataSource, JdbcTemplate jdbc) {
    churn(dataSource, jdbc, new GroupCommit());
  }

  static void churn(JdbcDataSource dataSource, JdbcTemplate jdbc, GroupCommit groupCommit) {
    TransactionTemplate transactions = new TransactionTemplate(new DurableCommitTransactionManager(dataSource, groupCommit));
    jdbc.execute("create table note(id int primary key, text varchar(2000))");
    for (int round = 0; round < 20; round++) {
      for (int id = 0; id < 200; id++) {
        int note = id;
        String text = ("round " + round + " ").repeat(100);
        transactions.executeWithoutResult(status -> jdbc.update("merge into note(id, text) key(id) values (?, ?)", note, text));
      }
    }
  }

  /** Compacts in the first quiet look, in slices of up to 5 s, without a rewrite of its own under load. */
  private static H2Compaction compactingAtOnce(JdbcDataSource dataSource) {
    return new H2Compaction(dataSource, new GroupCommit(), Duration.ZERO, Duration.ofSeconds(5), 0);
  }

  private JdbcDataSource dataSource() {
    return dataSource("");
  }

  private JdbcDataSource dataSource(String moreSettings) {
    JdbcDataSource dataSource = new JdbcDataSource();
    // As application.yaml, but the database closes with its last connection.
    dataSource.setURL("jdbc:h2:file:" + directory.resolve("notes").toAbsolutePath()
        + ";WRITE_DELAY=500;RETENTION_TIME=1000;COMPRESS=TRUE" + moreSettings);
    dataSource.setUser("sa");
    return dataSource;
  }

  private long size() throws Exception {
    return Files.size(directory.resolve("notes.mv.db"));
  }

}
