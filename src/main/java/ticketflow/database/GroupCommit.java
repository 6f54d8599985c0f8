package ticketflow.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Group commit for the embedded H2 file: a transaction that committed returns only once its changes are in the file,
 * so whatever ticketflow acknowledged survives a killed process, yet one write to the file covers every transaction
 * that committed while the previous write was running. H2 alone offers either a file write per commit
 * (WRITE_DELAY=0), which measured as a third of the CPU of a ticket's intake, or writes on a timer, which loses the
 * last commits in a crash. On PostgreSQL (or any other database) it does nothing: the server makes commits durable.
 */
final class GroupCommit {

  private static final long READER_PATIENCE_NANOS = 1_000_000_000L;

  private final Object lock = new Object();
  private volatile Store store;
  private long committed;
  private long written;
  private boolean writing;
  private final AtomicLong fileWrites = new AtomicLong();

  /**
   * Whether the transaction on {@code connection} changed anything, asked just before its commit. One that only read
   * (an agent opening Tasklist, a sign-in) has nothing to write: it waits for the writes of those that committed
   * before it, but does not write the file itself (unless they failed to), which needs H2's store lock and would make
   * a reader wait for whatever holds it.
   */
  static boolean hasChanges(Connection connection) throws SQLException {
    return !connection.isWrapperFor(JdbcConnection.class)
        || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
        || session.hasPendingTransaction();
  }

  /**
   * Called on the committing thread right after its commit; {@code connection} is the one that committed and
   * {@code wrote} what {@link #hasChanges} said before it.
   */
  void awaitWritten(Connection connection, boolean wrote) throws SQLException {
    MVStore file = store(connection).file;
    if (file == null) {
      return;
    }
    long mine;
    synchronized (lock) {
      mine = wrote ? ++committed : committed;
    }
    // A reader leaves the write to the writers it waits for, unless none of them wrote within a second (one failed).
    long readerWritesAt = System.nanoTime() + READER_PATIENCE_NANOS;
    while (true) {
      long upTo;
      synchronized (lock) {
        while (written < mine && (writing || !wrote && System.nanoTime() < readerWritesAt)) {
          try {
            lock.wait(writing || wrote ? 0 : Math.max(1, (readerWritesAt - System.nanoTime()) / 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while the commit was written to the H2 file", e);
          }
        }
        if (written >= mine) {
          return;
        }
        writing = true;
        upTo = committed;
      }
      boolean done = false;
      try {
        // Writes every change committed so far, ours and those of everyone who counted themselves before upTo.
        file.commit();
        fileWrites.incrementAndGet();
        done = true;
      } finally {
        synchronized (lock) {
          writing = false;
          if (done) {
            written = Math.max(written, upTo);
          }
          lock.notifyAll();
        }
      }
    }
  }

  /** How many transactions that changed something committed, for telling a node under load from an idle one. */
  long writingCommits() {
    synchronized (lock) {
      return committed;
    }
  }

  /** How many times a committing thread wrote the file, for tests and the benchmark's notes. */
  long fileWrites() {
    return fileWrites.get();
  }

  private Store store(Connection connection) throws SQLException {
    Store known = store;
    if (known == null) {
      known = Store.of(connection);
      store = known;
    }
    return known;
  }

  /** The H2 file's store, or none when the database is not an embedded, file-based H2. */
  private record Store(MVStore file) {
    static Store of(Connection connection) throws SQLException {
      return new Store(H2Files.store(connection));
    }
  }
}
