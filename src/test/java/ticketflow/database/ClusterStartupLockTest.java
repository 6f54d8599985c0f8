package ticketflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The start-up lock's connection is either held or closed, whatever fails (a leak would pin a pool connection). */
class ClusterStartupLockTest {

  private final DataSource dataSource = mock(DataSource.class);
  private final Connection connection = mock(Connection.class);
  private final Statement statement = mock(Statement.class);

  ClusterStartupLockTest() throws SQLException {
    DatabaseMetaData metaData = mock(DatabaseMetaData.class);
    when(metaData.getDatabaseProductName()).thenReturn("PostgreSQL");
    when(connection.getMetaData()).thenReturn(metaData);
    when(dataSource.getConnection()).thenReturn(connection);
  }

  @Test
  void whenNoStatementCanBeCreatedTheConnectionIsClosed() throws Exception {
    when(connection.createStatement()).thenThrow(new SQLException("connection reset"));

    assertThatThrownBy(() -> new ClusterStartupLock(dataSource)).isInstanceOf(SQLException.class).hasMessage("connection reset");
    verify(connection).close();
  }

  @Test
  void whenTakingTheLockThrowsTheStatementAndConnectionAreClosed() throws Exception {
    when(connection.createStatement()).thenReturn(statement);
    when(statement.executeQuery(anyString())).thenThrow(new SQLException("canceling statement due to lock timeout"));

    assertThatThrownBy(() -> new ClusterStartupLock(dataSource)).isInstanceOf(SQLException.class)
        .hasMessage("canceling statement due to lock timeout");
    verify(statement).close();
    verify(connection).close();
  }

  @Test
  void whenTheWaitIsInterruptedTheConnectionIsClosed() throws Exception {
    when(connection.createStatement()).thenReturn(statement);
    ResultSet notFree = booleanResult(false);
    ResultSet holders = mock(ResultSet.class);
    when(statement.executeQuery(anyString())).thenReturn(notFree);

    CountDownLatch polling = new CountDownLatch(1);
    when(statement.executeQuery(contains("pg_locks"))).thenAnswer(invocation -> {
      polling.countDown();
      return holders;
    });
    FutureTask<ClusterStartupLock> start = new FutureTask<>(() -> new ClusterStartupLock(dataSource));
    Thread starting = new Thread(start, "starting-node");
    starting.start();
    // Interrupted once it waits, i.e. after it asked who holds the lock.
    assertThat(polling.await(60, TimeUnit.SECONDS)).isTrue();
    starting.interrupt();

    assertThatThrownBy(start::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InterruptedException.class);
    verify(connection).close();
  }

  @Test
  void releaseClosesTheConnectionEvenWhenTheUnlockFails() throws Exception {
    when(connection.createStatement()).thenReturn(statement);
    ResultSet taken = booleanResult(true);
    when(statement.executeQuery(anyString())).thenReturn(taken);
    ClusterStartupLock lock = new ClusterStartupLock(dataSource);
    verify(connection, never()).close();
    when(statement.execute(anyString())).thenThrow(new SQLException("connection reset"));

    assertThatThrownBy(lock::release).isInstanceOf(SQLException.class).hasMessage("connection reset");
    verify(connection).close();
    // Released once: a second release (context closing) does nothing more.
    lock.destroy();
    verify(connection).close();
  }

  @Test
  void onAnotherDatabaseTheConnectionGoesBackAtOnce() throws Exception {
    when(connection.getMetaData().getDatabaseProductName()).thenReturn("H2");

    new ClusterStartupLock(dataSource).release();
    verify(connection).close();
    assertThat(mockingDetails(connection).getInvocations()).noneMatch(i -> i.getMethod().getName().equals("createStatement"));
  }

  private static ResultSet booleanResult(boolean value) throws SQLException {
    ResultSet result = mock(ResultSet.class);
    when(result.next()).thenReturn(true);
    when(result.getBoolean(1)).thenReturn(value);
    return result;
  }
}
