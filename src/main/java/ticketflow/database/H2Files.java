package ticketflow.database;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/** The embedded H2 file's store behind a JDBC connection, for group commit and compaction. */
final class H2Files {

  private H2Files() {
  }

  /** The file's MVStore, or null when the database is not an embedded, file-based H2 (PostgreSQL, in-memory H2). */
  static MVStore store(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)
        || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
        || !session.getDatabase().isPersistent()) {
      return null;
    }
    return session.getDatabase().getStore().getMvStore();
  }
}
