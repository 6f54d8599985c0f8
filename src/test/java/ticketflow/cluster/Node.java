package ticketflow.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ticketflow.TicketflowApplication;

/**
 * One ticketflow node in its own JVM, as an operator runs it: killed with SIGKILL when a test wants a crash.
 * Its output goes to target/cluster/&lt;name&gt;.log.
 */
public final class Node implements AutoCloseable {

  /**
   * How long a node may take to come up. On a loaded two-core machine a node waiting for another's start-up (the
   * cluster start-up lock) and then starting itself has taken three minutes.
   */
  public static final Duration START_UP = Duration.ofMinutes(5);

  public final String name;
  public final int port;
  private final Process process;
  private final Path log;

  private Node(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  static Node start(String name, int port, Map<String, String> environment, String... arguments) throws IOException {
    return start(name, port, null, environment, arguments);
  }

  /** A node whose working directory is {@code directory}: the embedded default keeps its data in ./data there. */
  static Node start(String name, int port, Path directory, Map<String, String> environment, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath(), TicketflowApplication.class.getName(),
        "--server.port=" + port, "--ticketflow.admin.password=cluster-admin",
        "--ticketflow.limits.requests-per-minute=1000000",
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(List.of(arguments));
    return launch(name, port, directory, environment, command);
  }

  /** A node started with exactly {@code command} (java, its options and arguments), e.g. the packaged jar. */
  public static Node launch(String name, int port, Path directory, Map<String, String> environment, List<String> command)
      throws IOException {
    Path log = Path.of("target", "cluster", name + ".log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    return new Node(name, port, builder.start(), log);
  }

  /**
   * This JVM's class path, each entry once: Surefire starts tests from a manifest-only jar whose Class-Path lists
   * the entries again, and a model found twice on the class path would be deployed twice.
   */
  static String classpath() throws IOException {
    java.util.Set<String> entries = new java.util.LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath().normalize();
      if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(path.toFile())) {
          java.util.jar.Manifest manifest = jar.getManifest();
          String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
          if (listed != null && path.getFileName().toString().startsWith("surefire")) {
            for (String url : listed.trim().split("\\s+")) {
              entries.add(Path.of(java.net.URI.create(url.startsWith("file:") ? url : path.getParent().toUri().resolve(url).toString()))
                  .toAbsolutePath().normalize().toString());
            }
            continue;
          }
        }
      }
      entries.add(path.toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** Waits for the health probe and for the demo people to be there (they are seeded right after start). */
  public Node awaitUp(Duration within) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " ended at start-up with exit code " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && Files.readString(log).contains("Demo data")) {
          return this;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Node " + name + " did not come up within " + within + "; see " + log);
  }

  public String base() {
    return "http://localhost:" + port;
  }

  /** SIGKILL: no shutdown hook, no finished transaction, locks left as they were. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, as an operator or orchestrator stops a node; answers its exit code once it has ended. */
  public int terminate(Duration within) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("Node " + name + " did not end within " + within + " of SIGTERM; see " + log);
    }
    return process.exitValue();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    stop(java.time.Duration.ofSeconds(20));
  }

  /** A graceful stop (SIGTERM) that may take up to {@code patience} (e.g. compacting a large database), then a kill. */
  public void stop(java.time.Duration patience) throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
      }
    }
  }
}
