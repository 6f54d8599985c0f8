package ticketflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the benchmark ran on, for the report: these machines are shared, so the figures need their context. */
final class Machine {

  private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([0-9.]+) seconds");

  private Machine() {
  }

  static Map<String, Object> describe() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cpus", Runtime.getRuntime().availableProcessors());
    machine.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    machine.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("loadAverageAtStart", firstLine(Path.of("/proc/loadavg")));
    machine.put("startedAt", java.time.Instant.now().toString());
    return machine;
  }

  /** The "Started … in N seconds" Spring Boot logs: the JVM's own view of start-up, without JVM launch. */
  static Double reportedStartUp(Path log) throws IOException {
    Double last = null;
    Matcher m = STARTED.matcher(Files.readString(log));
    while (m.find()) {
      last = Double.valueOf(m.group(1));
    }
    return last;
  }

  private static String firstValue(Path file, String key) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String firstLine(Path file) {
    try {
      return Files.readAllLines(file).get(0);
    } catch (IOException | IndexOutOfBoundsException e) {
      return "unknown";
    }
  }
}
