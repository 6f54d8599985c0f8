package ticketflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A commit on the embedded H2 file returns only once the file holds it, and commits that arrive together share
 * one write. (That an acknowledged ticket survives SIGKILL is shown by ticketflow.cluster.CrashOnH2Test.)
 */
class GroupCommitTest {

  @TempDir
  Path directory;

  @Test
  void aCommitReturnsOnlyOnceTheFileHoldsIt() throws Exception {
    Fixture h2 = new Fixture(directory);
    for (int i = 0; i < 20; i++) {
      int n = i;
      h2.transactions.executeWithoutResult(status -> h2.jdbc.update("insert into note(id, text) values (?, ?)", n, "note " + n));
      // H2 alone would keep these in memory for a minute (WRITE_DELAY=60000 here).
      assertThat(h2.store().hasUnsavedChanges()).as("unsaved changes after commit %d", i).isFalse();
    }
    assertThat(h2.groupCommit.fileWrites()).isEqualTo(20);
  }

  @Test
  void commitsArrivingTogetherShareFileWrites() throws Exception {
    Fixture h2 = new Fixture(directory);
    int threads = 8;
    int perThread = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          int id = thread * perThread + i;
          h2.transactions.executeWithoutResult(status -> h2.jdbc.update("insert into note(id, text) values (?, ?)", id, "note"));
        }
      }));
    }
    for (Future<?> each : done) {
      each.get();
    }
    pool.shutdown();
    assertThat(h2.jdbc.queryForObject("select count(*) from note", Long.class)).isEqualTo(threads * perThread);
    assertThat(h2.store().hasUnsavedChanges()).isFalse();
    assertThat(h2.groupCommit.fileWrites()).isPositive().isLessThan(threads * perThread);
  }

  @Test
  void aTransactionThatOnlyReadsNeverWritesTheFile() throws Exception {
    Fixture h2 = new Fixture(directory);
    h2.transactions.executeWithoutResult(status -> h2.jdbc.update("insert into note(id, text) values (1, 'note')"));
    long writes = h2.groupCommit.fileWrites();
    for (int i = 0; i < 10; i++) {
      h2.transactions.executeWithoutResult(status -> h2.jdbc.queryForObject("select count(*) from note", Long.class));
    }
    // Writing the file takes H2's store lock: an agent opening Tasklist must not wait for whatever holds it.
    assertThat(h2.groupCommit.fileWrites()).isEqualTo(writes);
    assertThat(h2.groupCommit.writingCommits()).isEqualTo(1);
  }

  @Test
  void doesNothingOnAnInMemoryDatabase() {
    JdbcDataSource memory = new JdbcDataSource();
    memory.setURL("jdbc:h2:mem:group-commit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    GroupCommit groupCommit = new GroupCommit();
    TransactionTemplate transactions = new TransactionTemplate(new DurableCommitTransactionManager(memory, groupCommit));
    JdbcTemplate jdbc = new JdbcTemplate(memory);
    transactions.executeWithoutResult(status -> jdbc.execute("create table note(id int primary key)"));
    transactions.executeWithoutResult(status -> jdbc.update("insert into note(id) values (1)"));
    assertThat(groupCommit.fileWrites()).isZero();
  }

  private static final class Fixture {
    final JdbcDataSource dataSource = new JdbcDataSource();
    final GroupCommit groupCommit = new GroupCommit();
    final TransactionTemplate transactions;
    final JdbcTemplate jdbc;

    Fixture(Path directory) {
      dataSource.setURL("jdbc:h2:file:" + directory.resolve("notes").toAbsolutePath() + ";WRITE_DELAY=60000;DB_CLOSE_DELAY=-1");
      dataSource.setUser("sa");
      transactions = new TransactionTemplate(new DurableCommitTransactionManager(dataSource, groupCommit));
      jdbc = new JdbcTemplate(dataSource);
      // One connection stays open, so the database (and its store) lives for the whole test.
      jdbc.execute("create table note(id int primary key, text varchar(100))");
    }

    MVStore store() throws Exception {
      try (Connection connection = dataSource.getConnection()) {
        return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
      }
    }
  }
}
