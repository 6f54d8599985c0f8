package ticketflow.database;

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
    super.doCommit(status);
    if (status.isReadOnly()) {
      return;
    }
    try {
      groupCommit.awaitWritten(((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder().getConnection());
    } catch (SQLException e) {
      throw new TransactionSystemException("Committed, but not written to the database file", e);
    }
  }
}
