package ticketflow.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On every graceful stop, the embedded H2 file is rewritten with its live data only ({@code SHUTDOWN COMPACT}: H2
 * writes a new file and then replaces the old one, so a stop cut short leaves the old file intact). It runs just
 * before the connection pool closes, after everything that uses the database (the engine, its job executor) has
 * stopped. {@code ticketflow.h2.compact-on-stop=false} leaves the file as it is (a faster stop).
 */
@Component
class CompactOnStop implements DestructionAwareBeanPostProcessor {

  private static final Logger log = LoggerFactory.getLogger(CompactOnStop.class);

  private final Environment environment;

  CompactOnStop(Environment environment) {
    this.environment = environment;
  }

  @Override
  public boolean requiresDestruction(Object bean) {
    return bean instanceof DataSource;
  }

  @Override
  public void postProcessBeforeDestruction(Object bean, String beanName) {
    if (!(bean instanceof DataSource dataSource)
        || !environment.getProperty("ticketflow.h2.compact-on-stop", Boolean.class, true)) {
      return;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      MVStore file = H2Files.store(connection);
      if (file == null || file.isClosed()) {
        return;
      }
      long before = file.getFileStore().size();
      long started = System.nanoTime();
      log.info("Compacting the H2 file ({} MiB) before the node stops", before >> 20);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN COMPACT");
      }
      log.info("H2 file compacted in {} s", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
    } catch (SQLException | RuntimeException e) {
      // The file stays as it was: H2 replaces it only once the compacted copy is complete.
      log.warn("Could not compact the H2 file on stop: {}", e.getMessage());
    } finally {
      giveBack(dataSource, connection);
    }
  }

  /**
   * After SHUTDOWN the connection is closed already. Handed back to the pool, the pool would reset it and H2 would
   * write that failure to its trace file (ticketflow.trace.db) at every stop; evicted, it is only dropped.
   */
  private static void giveBack(DataSource dataSource, Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
      } else {
        connection.close();
      }
    } catch (SQLException alreadyClosed) {
      // the database closed it
    }
  }
}
