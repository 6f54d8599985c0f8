package ticketflow.bench;

import java.nio.file.Path;
import java.util.Map;
import ticketflow.EmbeddedPostgresDatabase;

/**
 * Where the benchmark's engines keep their data: each engine (the raw baseline, ticketflow) gets a database of its
 * own of the same kind. H2 is the README's default, a file with every commit written at once; PostgreSQL is the
 * tests' embedded server (zonky), which runs without fsync.
 */
sealed interface Database {

  static Database named(String kind, Path workDirectory) {
    return switch (kind) {
      case "h2" -> new H2(workDirectory);
      case "postgres" -> new Postgres();
      default -> throw new IllegalArgumentException("bench.db is h2 or postgres, not " + kind);
    };
  }

  String kind();

  String url(String name);

  String user();

  String password();

  String driver();

  /** What ticketflow's node needs to use a database named {@code name}: its Spring profile and environment. */
  String profile();

  Map<String, String> environment(String name);

  /**
   * application.yaml's H2 settings, except that every commit is written to the file at once (WRITE_DELAY=0): the
   * raw engine has no group commit, and this is how H2 alone makes a commit survive a killed process, as
   * ticketflow's do.
   */
  record H2(Path workDirectory) implements Database {
    @Override
    public String kind() {
      return "h2";
    }

    @Override
    public String url(String name) {
      return "jdbc:h2:file:" + workDirectory.resolve(name).resolve("data").resolve("ticketflow").toAbsolutePath()
          + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;QUERY_CACHE_SIZE=256";
    }

    @Override
    public String user() {
      return "sa";
    }

    @Override
    public String password() {
      return "";
    }

    @Override
    public String driver() {
      return "org.h2.Driver";
    }

    @Override
    public String profile() {
      return "demo";
    }

    /** Nothing: the node runs in workDirectory/name and keeps its default ./data/ticketflow there. */
    @Override
    public Map<String, String> environment(String name) {
      return Map.of();
    }
  }

  final class Postgres implements Database {
    private final Map<String, String> urls = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String kind() {
      return "postgres";
    }

    @Override
    public String url(String name) {
      return urls.computeIfAbsent(name, n -> EmbeddedPostgresDatabase.newDatabase());
    }

    @Override
    public String user() {
      return "postgres";
    }

    @Override
    public String password() {
      return "";
    }

    @Override
    public String driver() {
      return "org.postgresql.Driver";
    }

    @Override
    public String profile() {
      return "postgres,demo";
    }

    @Override
    public Map<String, String> environment(String name) {
      return Map.of("TICKETFLOW_DB_URL", url(name), "TICKETFLOW_DB_USER", user(), "TICKETFLOW_DB_PASSWORD", password());
    }
  }
}
