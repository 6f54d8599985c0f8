package ticketflow.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The transaction manager of ticketflow, Camunda's commands included: a commit returns once it is durable
 * ({@link GroupCommit}), before any after-commit work and before a request is answered.
 */
class DurableCommitTransactionManager extends JdbcTransactionManager {

  private final transient GroupCommit groupCommit;

  DurableCommitTransactionManager(DataSource dataSource, GroupCommit groupCommit) {
    super(dataSource);
    this.groupCommit = groupCommit;
  }

  @Override
  protected void doCommit(DefaultTransactionStatus status) {
    if (status.isReadOnly()) {
      super.doCommit(status);
      return;
    }
    Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder().getConnection();
    boolean wrote;
    try {
      wrote = GroupCommit.hasChanges(connection);
    } catch (SQLException e) {
      wrote = true;
    }
    super.doCommit(status);
    try {
      groupCommit.awaitWritten(connection, wrote);
    } catch (SQLException e) {
      throw new TransactionSystemException("Committed, but not written to the database file", e);
    }
  }
}
