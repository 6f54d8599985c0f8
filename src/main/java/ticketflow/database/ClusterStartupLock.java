package ticketflow.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes starting at once on one PostgreSQL database take turns: each holds an advisory lock from before its schema
 * migrations (Flyway, then Camunda's own schema and deployment) until it is ready, so the first creates the schema
 * and deploys, and the others find both done and deploy nothing new. A node that dies releases the lock with its
 * connection. On H2 (one node by nature) it does nothing.
 */
@Component(ClusterStartupLock.BEAN)
class ClusterStartupLock {

  static final String BEAN = "clusterStartupLock";
  /** Any number the nodes agree on; "tflw" in ASCII. */
  private static final long KEY = 0x74666c77L;
  private static final Logger log = LoggerFactory.getLogger(ClusterStartupLock.class);

  private Connection held;

  ClusterStartupLock(DataSource dataSource) throws SQLException {
    Connection connection = dataSource.getConnection();
    if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
      connection.close();
      return;
    }
    log.info("Waiting for other nodes starting on this database");
    try (Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_lock(" + KEY + ")");
    }
    held = connection;
  }

  @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
  void release() throws SQLException {
    if (held != null) {
      try (Connection connection = held; Statement statement = connection.createStatement()) {
        statement.execute("select pg_advisory_unlock(" + KEY + ")");
      } finally {
        held = null;
      }
    }
  }
}
