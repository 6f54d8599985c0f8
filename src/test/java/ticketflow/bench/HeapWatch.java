package ticketflow.bench;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import ticketflow.cluster.Node;

/**
 * The node's heap, read from its own metrics (/actuator/prometheus, every two seconds) for the whole run: the
 * highest use seen, and at the end the live heap after a full collection.
 */
final class HeapWatch implements AutoCloseable {

  private final Node node;
  private final Http http;
  private final AtomicLong peak = new AtomicLong();
  private final AtomicLong samples = new AtomicLong();
  private volatile boolean running = true;
  private Thread sampler;

  HeapWatch(Node node) {
    this.node = node;
    this.http = new Http(node.base());
  }

  void start() {
    sampler = new Thread(() -> {
      while (running) {
        try {
          peak.accumulateAndGet(heapUsed(), Math::max);
          samples.incrementAndGet();
          Thread.sleep(2000);
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          // a scrape that failed under load is a missing sample, not a failed run
        }
      }
    }, "heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Bytes of heap in use, the sum over the heap's pools. */
  long heapUsed() throws Exception {
    HttpResponse<String> metrics = http.get("/actuator/prometheus", SurgeBenchmark.ADMIN, SurgeBenchmark.ADMIN_PASSWORD);
    double used = 0;
    for (String line : metrics.body().split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
        used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return (long) used;
  }

  Map<String, Object> report(String ceiling, long openTickets) throws Exception {
    Process gc = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(node.pid()), "GC.run").redirectErrorStream(true).start();
    gc.getInputStream().readAllBytes();
    gc.waitFor(60, TimeUnit.SECONDS);
    long live = heapUsed();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("ceiling", ceiling);
    report.put("peakUsedMiB", mib(Math.max(peak.get(), live)));
    report.put("liveAfterFullGcMiB", mib(live));
    report.put("openTickets", openTickets);
    report.put("samples", samples.get());
    return report;
  }

  private static double mib(long bytes) {
    return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
  }

  @Override
  public void close() {
    running = false;
    if (sampler != null) {
      sampler.interrupt();
    }
  }
}
