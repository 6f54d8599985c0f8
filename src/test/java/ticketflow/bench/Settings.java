package ticketflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The bench.* system properties (defaults in pom.xml's bench profile). */
record Settings(String db, int clients, Duration warmUp, Duration measured, Duration lifecycleDuration, int timers,
    long openTickets, String heap, Path jar, int port, boolean jfr, boolean baseline, java.util.List<String> nodeArguments,
    Duration quiet) {

  static Settings fromSystemProperties() throws IOException {
    return new Settings(System.getProperty("bench.db", "h2"), Integer.getInteger("bench.clients", 8),
        Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 20)), Duration.ofSeconds(Integer.getInteger("bench.seconds", 60)),
        Duration.ofSeconds(Integer.getInteger("bench.lifecycle-seconds", 30)), Integer.getInteger("bench.timers", 10_000),
        Long.getLong("bench.open-tickets", 100_000), System.getProperty("bench.heap", "512m"),
        Path.of(System.getProperty("bench.jar", "target/ticketflow-0.1.0-SNAPSHOT.jar")).toAbsolutePath(),
        Integer.getInteger("bench.port", freePort()), Boolean.getBoolean("bench.jfr"),
        Boolean.parseBoolean(System.getProperty("bench.baseline", "true")),
        java.util.Arrays.stream(System.getProperty("bench.node-args", "").trim().split("\\s+")).filter(a -> !a.isEmpty()).toList(),
        Duration.ofSeconds(Integer.getInteger("bench.quiet-seconds", 30)));
  }

  Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("db", db);
    map.put("clients", clients);
    map.put("warmUpSeconds", warmUp.toSeconds());
    map.put("intakeSeconds", measured.toSeconds());
    map.put("lifecycleSeconds", lifecycleDuration.toSeconds());
    map.put("timers", timers);
    map.put("openTickets", openTickets);
    map.put("heap", heap);
    map.put("nodeArguments", nodeArguments);
    map.put("quietSeconds", quiet.toSeconds());
    return map;
  }

  /** The history level ticketflow runs with (application.yaml), which the baseline engine uses too. */
  @SuppressWarnings("unchecked")
  static String ticketflowHistoryLevel() throws IOException {
    try (InputStream yaml = Files.newInputStream(Path.of("target", "classes", "application.yaml"))) {
      Map<String, Object> root = new Yaml().load(yaml);
      Object level = ((Map<String, Object>) ((Map<String, Object>) root.get("camunda")).get("bpm")).get("history-level");
      // Camunda's Spring Boot starter defaults to full history.
      return level == null ? "full" : level.toString();
    }
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
