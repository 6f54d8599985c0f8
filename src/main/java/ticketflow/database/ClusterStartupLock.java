package ticketflow.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes starting at once on one PostgreSQL database take turns: each holds an advisory lock from before its schema
 * migrations (Flyway, then Camunda's own schema and deployment) until it is ready, so the first creates the schema
 * and deploys, and the others find both done and deploy nothing new. A node that dies releases the lock with its
 * connection. On H2 (one node by nature) it does nothing.
 *
 * <p>Start-up waits as long as it takes, and says every few seconds what for. The pool's {@code lock_timeout}
 * (application-postgres.yaml) is for requests, which should fail fast with 503; a start-up cut after 10 s by
 * another node's longer start-up or migration would only fail the node. So:
 * <ul>
 *   <li>the advisory lock is polled with {@code pg_try_advisory_lock}, which never waits and so is never cut by
 *       {@code lock_timeout}, and leaves room to log between tries;</li>
 *   <li>until the node is ready (its readiness probe says so), connections leave the pool with {@code lock_timeout}
 *       0, unlimited ({@link StartupConnections}), and a watcher logs any lock they wait for; then the pool evicts
 *       every connection it has so far, so requests only get fresh connections, set by the pool's own
 *       {@code connection-init-sql}. The init SQL alone cannot do this: Hikari runs it once per connection, and its
 *       configuration is sealed once the pool runs.</li>
 * </ul>
 */
@Component(ClusterStartupLock.BEAN)
class ClusterStartupLock implements DisposableBean {

  static final String BEAN = "clusterStartupLock";
  /** Any number the nodes agree on; "tflw" in ASCII. */
  private static final long KEY = 0x74666c77L;
  private static final String KEY_TEXT = String.format("0x%x", KEY);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration LOG_EVERY = Duration.ofSeconds(5);
  /** Sessions holding the advisory lock; a bigint key shows in pg_locks as two 32-bit halves. */
  private static final String LOCK_HOLDERS = "select string_agg('pid ' || a.pid || coalesce(' at ' || host(a.client_addr), ''), ', ')"
      + " from pg_locks l join pg_stat_activity a on a.pid = l.pid"
      + " where l.locktype = 'advisory' and l.granted and l.objsubid = 1"
      + " and l.classid = " + (KEY >>> 32) + " and l.objid = " + (KEY & 0xffffffffL)
      + " and l.database = (select oid from pg_database where datname = current_database())";
  /** Locks the given sessions wait for (for a second or more), with the sessions holding them. */
  private static final String LOCK_WAITS = "select case when l.locktype = 'relation' then 'table ' || l.relation::regclass"
      + " else l.locktype end, l.mode, extract(epoch from clock_timestamp() - a.query_start)::int,"
      + " (select string_agg('pid ' || b.pid || coalesce(' at ' || host(b.client_addr), ''), ', ')"
      + " from pg_stat_activity b where b.pid = any(pg_blocking_pids(l.pid)))"
      + " from pg_locks l join pg_stat_activity a on a.pid = l.pid"
      + " where not l.granted and l.pid = any(?) and a.query_start < clock_timestamp() - interval '1 second'";
  private static final Logger log = LoggerFactory.getLogger(ClusterStartupLock.class);

  /** Null when the datasource is not a PostgreSQL Hikari pool: then start-up keeps the pool's lock_timeout. */
  private final StartupConnections startup;
  private Connection held;
  private ScheduledExecutorService watcher;

  ClusterStartupLock(DataSource dataSource) throws SQLException, InterruptedException {
    startup = dataSource.isWrapperFor(StartupConnections.class) ? dataSource.unwrap(StartupConnections.class) : null;
    Connection connection = dataSource.getConnection();
    try {
      if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
        connection.close();
        return;
      }
      awaitLock(connection);
      held = connection;
      if (startup != null) {
        startup.begin();
        watcher = Executors.newSingleThreadScheduledExecutor(task -> {
          Thread thread = new Thread(task, "startup-lock-waits");
          thread.setDaemon(true);
          return thread;
        });
        watcher.scheduleWithFixedDelay(this::reportLockWaits, LOG_EVERY.toMillis(), LOG_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (Throwable e) {
      // Neither held nor leaked: back to the pool, and out of it if it may still hold the lock.
      held = null;
      if (watcher != null) {
        watcher.shutdownNow();
      }
      try {
        connection.close();
      } catch (SQLException | RuntimeException closing) {
        e.addSuppressed(closing);
      }
      if (startup != null) {
        startup.end();
      }
      throw e;
    }
  }

  private static void awaitLock(Connection connection) throws SQLException, InterruptedException {
    long start = System.nanoTime();
    long nextLog = LOG_EVERY.toNanos();
    try (Statement statement = connection.createStatement()) {
      if (tryLock(statement)) {
        return;
      }
      log.info("Another node is starting on this database; this one starts after it (advisory lock {} held by {})",
          KEY_TEXT, holders(statement));
      do {
        Thread.sleep(POLL.toMillis());
        long waited = System.nanoTime() - start;
        if (waited >= nextLog) {
          log.info("Waiting for another node's start-up on this database (advisory lock {} held by {}), {} s so far",
              KEY_TEXT, holders(statement), TimeUnit.NANOSECONDS.toSeconds(waited));
          nextLog += LOG_EVERY.toNanos();
        }
      } while (!tryLock(statement));
      log.info("The other node's start-up is over; this node starts now, after {} s",
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }
  }

  private static boolean tryLock(Statement statement) throws SQLException {
    try (ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
      return result.next() && result.getBoolean(1);
    }
  }

  private static String holders(Statement statement) throws SQLException {
    try (ResultSet result = statement.executeQuery(LOCK_HOLDERS)) {
      String holders = result.next() ? result.getString(1) : null;
      return holders == null ? "another session" : holders;
    }
  }

  /** Runs on the watcher's thread, on the connection holding the advisory lock, which is idle meanwhile. */
  private synchronized void reportLockWaits() {
    Set<Integer> sessions = startup.sessions();
    if (held == null || sessions.isEmpty()) {
      return;
    }
    try (PreparedStatement query = held.prepareStatement(LOCK_WAITS)) {
      query.setArray(1, held.createArrayOf("int4", sessions.toArray()));
      try (ResultSet waits = query.executeQuery()) {
        while (waits.next()) {
          String holders = waits.getString(4);
          log.info("Start-up waits for a lock on {} ({}) held by {}, {} s so far; it goes on once the lock is released",
              waits.getString(1), waits.getString(2), holders == null ? "another session" : holders, waits.getInt(3));
        }
      }
    } catch (SQLException | RuntimeException e) {
      // Only a report: start-up goes on either way.
      log.debug("Could not look up the locks start-up waits for", e);
    }
  }

  @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
  synchronized void release() throws SQLException {
    if (watcher != null) {
      watcher.shutdownNow();
      watcher = null;
    }
    Connection connection = held;
    held = null;
    if (connection == null) {
      return;
    }
    try (connection; Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } finally {
      // After the unlock: should it have failed, eviction closes the connection and so ends the lock too.
      if (startup != null) {
        startup.end();
      }
    }
  }

  /** A start-up failing before the context is refreshed publishes no ApplicationFailedEvent to beans. */
  @Override
  public void destroy() throws SQLException {
    release();
  }

  /** Puts {@link StartupConnections} around the PostgreSQL pool; static, so this class is not created early for it. */
  @Bean
  static BeanPostProcessor startupConnectionsForPostgres() {
    return StartupConnections.aroundPostgresPools();
  }
}
