package ticketflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import ticketflow.EmbeddedPostgresDatabase;
import ticketflow.TicketflowApplication;

/**
 * A node starting while another node's start-up holds the start-up lock and an exclusive lock on a Camunda table
 * (as a slow start-up or migration does) waits for both as long as it takes, says what it waits for, and starts
 * once they are released; its requests then still give up lock waits after 10 s. The node runs with the postgres
 * profile's own settings (10 s), not the 30 s EmbeddedPostgresDatabase gives the other tests' contexts.
 */
@ExtendWith(OutputCaptureExtension.class)
@Tag("postgres")
// Mostly waiting, yet in the in-JVM thread: it reads the node's log through OutputCaptureExtension, which other
// in-JVM tests use too (beside them it missed a line).
class StartupWaitsForLocksOnPostgresTest {

  /** ClusterStartupLock's key. */
  private static final long KEY = 0x74666c77L;
  /** How long each lock stays held after the node reported 10 s of waiting for it. */
  private static final Duration MARGIN = Duration.ofSeconds(2);
  private static final Pattern ADVISORY_WAIT =
      Pattern.compile("Waiting for another node's start-up on this database \\(advisory lock 0x74666c77 [^)]*\\), (\\d+) s so far");
  private static final Pattern TABLE_WAIT =
      Pattern.compile("Start-up waits for a lock on table act_ge_property \\(AccessShareLock\\) held by pid \\d+[^,]*, (\\d+) s so far");
  private static final Duration TABLE_LOCK_HELD = Duration.ofSeconds(30);
  private static final Duration WITHIN = Duration.ofMinutes(4);

  @Test
  void aNodeWaitsForAnotherStartUpAndATableLockAsLongAsTheyLastAndItsRequestsKeepTenSeconds(CapturedOutput output) throws Exception {
    String url = EmbeddedPostgresDatabase.newDatabase();
    createCamundaSchema(url);
    ExecutorService starter = Executors.newSingleThreadExecutor();
    Future<ConfigurableApplicationContext> node = null;
    try {
      try (Connection other = DriverManager.getConnection(url, "postgres", ""); Statement statement = other.createStatement()) {
        statement.execute("select pg_advisory_lock(" + KEY + ")");
        other.setAutoCommit(false);
        statement.execute("lock table act_ge_property in access exclusive mode");
        long locked = System.nanoTime();
        node = starter.submit(() -> start(url));

        // Each lock is held until the node said it has waited 10 s for it, the requests' lock_timeout, and a bit more.
        awaitWhileStarting(node, () -> longestWait(ADVISORY_WAIT, output) >= 10);
        long advisoryWaitPastTen = System.nanoTime();
        awaitWhileStarting(node, () -> held(advisoryWaitPastTen, MARGIN));
        // Session-level: released at once, though inside the transaction that keeps the table locked.
        statement.execute("select pg_advisory_unlock(" + KEY + ")");

        awaitWhileStarting(node, () -> longestWait(TABLE_WAIT, output) >= 10);
        long tableWaitPastTen = System.nanoTime();
        awaitWhileStarting(node, () -> held(tableWaitPastTen, MARGIN) && held(locked, TABLE_LOCK_HELD));
        other.commit();
      }

      ConfigurableApplicationContext context = node.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
      assertThat(context.isActive()).isTrue();
      Matcher waited = Pattern.compile("The other node's start-up is over; this node starts now, after (\\d+) s").matcher(output.getOut());
      assertThat(waited.find()).isTrue();
      assertThat(Integer.parseInt(waited.group(1))).isGreaterThan(10);
      // Requests: every connection the pool hands out now, none of start-up's, gives up lock waits after 10 s.
      assertThat(context.getBean(JdbcTemplate.class).queryForObject("show lock_timeout", String.class)).isEqualTo("10s");
      DataSource dataSource = context.getBean(DataSource.class);
      // Still the profile's pool to everything that looks for it, its metrics included.
      assertThat(dataSource.unwrap(HikariDataSource.class).getPoolName()).isEqualTo("ticketflow");
      assertThat(context.getBean(MeterRegistry.class).find("hikaricp.connections").tag("pool", "ticketflow").gauge()).isNotNull();
      List<Connection> connections = new ArrayList<>();
      try {
        for (int i = 0; i < 10; i++) {
          Connection connection = dataSource.getConnection();
          connections.add(connection);
          try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("show lock_timeout")) {
            result.next();
            assertThat(result.getString(1)).as("connection %d", i).isEqualTo("10s");
          }
        }
      } finally {
        for (Connection connection : connections) {
          connection.close();
        }
      }
    } finally {
      // Also when the test failed half-way: the locks are released by now, so the node starts and is closed.
      if (node != null) {
        try {
          node.get(WITHIN.toSeconds(), TimeUnit.SECONDS).close();
        } catch (ExecutionException failedToStart) {
          // Reported by the test already.
        }
      }
      starter.shutdownNow();
    }
  }

  /** Camunda's schema, as an earlier node left it; Flyway then baselines ticketflow's tables next to it. */
  private static void createCamundaSchema(String url) {
    ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setProcessEngineName("schema-only")
        .setJdbcDriver("org.postgresql.Driver").setJdbcUrl(url).setJdbcUsername("postgres").setJdbcPassword("")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        // As ticketflow's application.yaml: the engine refuses a database set to another level.
        .setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY)
        .setJobExecutorActivate(false)
        .buildProcessEngine()
        .close();
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(TicketflowApplication.class).profiles("postgres")
        .run("--server.port=0", "--TICKETFLOW_DB_URL=" + url, "--TICKETFLOW_DB_USER=postgres", "--TICKETFLOW_DB_PASSWORD=",
            "--ticketflow.admin.password=startup-test-admin", "--camunda.bpm.job-execution.enabled=false");
  }

  /** Waits for the condition; a node that started (or failed) meanwhile did not wait, which fails the test. */
  private static void awaitWhileStarting(Future<ConfigurableApplicationContext> node, Callable<Boolean> condition) {
    Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
      if (node.isDone()) {
        node.get().close();
        throw new AssertionError("The node started while the locks it should wait for were held");
      }
      return condition.call();
    });
  }

  /** The longest wait the node reported in lines of this pattern, in seconds. */
  private static int longestWait(Pattern line, CapturedOutput output) {
    return line.matcher(output.getOut()).results().mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
  }

  private static boolean held(long since, Duration atLeast) {
    return System.nanoTime() - since >= atLeast.toNanos();
  }
}
