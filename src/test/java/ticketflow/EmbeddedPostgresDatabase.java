package ticketflow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real PostgreSQL for tests, with nothing installed by hand: one embedded server (zonky, PostgreSQL 17) per JVM,
 * started on first use and stopped by a shutdown hook once the Spring contexts using it have closed (stopping it
 * first would leave their engines waiting on dead connections), and a fresh database on it for every Spring context, as
 * {@code application-test.yaml} gives every context its own in-memory H2. The context sees the database as an
 * operator's environment would give it ({@code TICKETFLOW_DB_URL}, {@code _USER}, {@code _PASSWORD}), so the
 * {@code postgres} profile's own configuration is what connects to it.
 *
 * <p>As root (this machine) PostgreSQL's initdb refuses to run; zonky then runs it in a user namespace
 * ({@code unshare -U}) by itself.
 */
public final class EmbeddedPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Duration CONTEXTS_CLOSE_WITHIN = Duration.ofSeconds(20);
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Set<ConfigurableApplicationContext> CONTEXTS = ConcurrentHashMap.newKeySet();
  private static EmbeddedPostgres server;

  /** The JVM's embedded server, started on first call. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            // A throw-away server: no durability, just speed.
            .setServerConfig("fsync", "off")
            .setServerConfig("full_page_writes", "off")
            .setRegisterShutdownHook(false)
            .start();
      } catch (IOException e) {
        throw new IllegalStateException("Cannot start the embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresDatabase::stop, "embedded-postgres-stop"));
    }
    return server;
  }

  /** Spring closes its test contexts in a shutdown hook of its own: the server goes once they are closed. */
  private static void stop() {
    long deadline = System.nanoTime() + CONTEXTS_CLOSE_WITHIN.toNanos();
    while (CONTEXTS.stream().anyMatch(ConfigurableApplicationContext::isActive) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    try {
      server.close();
    } catch (IOException e) {
      // The JVM is ending; nothing left to do.
    }
  }

  /** A new, empty database on the embedded server; returns its JDBC URL. */
  public static String newDatabase() {
    String name = "ticketflow_" + DATABASES.incrementAndGet();
    EmbeddedPostgres pg = server();
    try (Connection connection = pg.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name + " on the embedded PostgreSQL", e);
    }
    return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    CONTEXTS.add(context);
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
        "TICKETFLOW_DB_URL", newDatabase(),
        "TICKETFLOW_DB_USER", "postgres",
        "TICKETFLOW_DB_PASSWORD", "",
        // Lock waits as long as application-test.yaml gives the tests' H2 (LOCK_TIMEOUT=30000).
        "spring.datasource.hikari.connection-init-sql", "SET lock_timeout = '30s'")));
  }
}
