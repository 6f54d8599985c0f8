package ticketflow.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The datasource of the PostgreSQL profile: its pool, which while the node starts sets each connection it hands
 * out to wait for locks without limit (and notes its session, for the watcher). {@link #end()} stops that and
 * evicts every connection, those still in use as they come back, so no request gets one of them.
 */
class StartupConnections extends DelegatingDataSource implements Closeable {

  private final HikariDataSource pool;
  private final Set<Integer> sessions = ConcurrentHashMap.newKeySet();
  private volatile boolean startingUp;

  StartupConnections(HikariDataSource pool) {
    super(pool);
    this.pool = pool;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return prepare(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return prepare(super.getConnection(username, password));
  }

  private Connection prepare(Connection connection) throws SQLException {
    if (!startingUp) {
      return connection;
    }
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select set_config('lock_timeout', '0', false), pg_backend_pid()")) {
      result.next();
      sessions.add(result.getInt(2));
      // Committed, or a rollback of the caller's first transaction would undo the setting.
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return connection;
  }

  void begin() {
    startingUp = true;
  }

  void end() {
    startingUp = false;
    sessions.clear();
    HikariPoolMXBean running = pool.getHikariPoolMXBean();
    if (running != null) {
      running.softEvictConnections();
    }
  }

  Set<Integer> sessions() {
    return sessions;
  }

  /** Spring closes the pool through this, the bean it sees. */
  @Override
  public void close() {
    pool.close();
  }

  /** Puts this around the PostgreSQL pool: a post-processor, so the pool Spring Boot configures is wrapped, not replaced. */
  static BeanPostProcessor aroundPostgresPools() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
            ? new StartupConnections(pool) : bean;
      }
    };
  }
}
