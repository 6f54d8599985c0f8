package ticketflow.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import ticketflow.cluster.Node;

/**
 * The surge benchmark (BENCHMARKS.md): the raw engine's baseline, then the packaged ticketflow on the same kind of
 * database under a surge over HTTP, agents completing tasks over engine REST, customers accepting, 10,000 at-risk
 * timers due at once, and a restart with every open ticket. Run with {@code mvn -Pbench verify}; settings are the
 * bench.* system properties the Maven profile passes. Writes target/bench/results.json and results.md.
 */
public final class SurgeBenchmark {

  static final String PORTAL = "portal";
  static final String DEMO_PASSWORD = "demo";
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "bench-admin";
  static final String AGENT = "web.agent";

  private final Settings settings;
  private final Path work;
  private final Database database;
  private final Results results = new Results();
  private final AtomicLong subjects = new AtomicLong();
  /** Tickets acknowledged by status (OPEN, DEFLECTED…) over the whole run, for the open-ticket count. */
  private final Map<String, LongAdder> acknowledged = new ConcurrentHashMap<>();

  private SurgeBenchmark(Settings settings) {
    this.settings = settings;
    this.work = Path.of("target", "bench").toAbsolutePath();
    this.database = Database.named(settings.db(), work);
  }

  public static void main(String[] args) throws Exception {
    SurgeBenchmark benchmark = new SurgeBenchmark(Settings.fromSystemProperties());
    try {
      benchmark.run();
    } finally {
      // The embedded PostgreSQL's shutdown hook ends with the JVM.
      System.out.flush();
    }
    System.exit(0);
  }

  private void run() throws Exception {
    deleteRecursively(work.resolve("raw"));
    deleteRecursively(work.resolve("node"));
    Files.createDirectories(work.resolve("node"));
    results.put("machine", Machine.describe());
    results.put("settings", settings.asMap());
    String historyLevel = Settings.ticketflowHistoryLevel();

    if (settings.baseline()) {
      say("baseline: raw Camunda engine, history " + historyLevel + ", " + settings.clients() + " threads");
      RawEngineBaseline.Figures raw = RawEngineBaseline.measure(database, historyLevel, settings.clients(),
          settings.warmUp(), settings.measured());
      results.put("baseline", raw);
      say("baseline: " + raw.startsPerSecond() + " starts/s, " + raw.latencies() + "; lifecycles " + raw.lifecyclesPerSecond() + "/s");
    }

    long launched = System.nanoTime();
    Node node = launch();
    DiskWatch disk = new DiskWatch(work.resolve("node").resolve("data"));
    try (HeapWatch heap = new HeapWatch(node)) {
      double startUp = (System.nanoTime() - launched) / 1e9;
      results.put("startUpSeconds", round(startUp));
      results.put("startUpReportedSeconds", Machine.reportedStartUp(node.log()));
      say("ticketflow up in " + round(startUp) + " s (empty database)");
      Http http = new Http(node.base());
      heap.start();

      LoadRun warm = intake(http, settings.warmUp(), "warm");
      LoadRun warmLifecycles = lifecycles(http, settings.warmUp().dividedBy(2));
      say("warm-up: " + warm.count() + " tickets, " + warm.perSecond() + "/s; " + warmLifecycles.count() + " lifecycles");
      LoadRun surge = intake(http, settings.measured(), "surge");
      results.put("intake", surge);
      results.put("intakeOutcomes", snapshot(acknowledged));
      say("intake: " + surge.perSecond() + " tickets/s, " + surge.latencies() + ", failures " + surge.failures()
          + " " + surge.failureSamples());

      LoadRun lifecycles = lifecycles(http, settings.lifecycleDuration());
      results.put("lifecycles", lifecycles);
      say("lifecycles: " + lifecycles.perSecond() + "/s, " + lifecycles.latencies() + ", failures " + lifecycles.failures()
          + " " + lifecycles.failureSamples());

      LoadRun fill = fill(http);
      results.put("fill", Map.of("tickets", fill.count(), "perSecond", fill.perSecond(), "failures", fill.failures()));
      long open = openTickets();
      results.put("openTickets", open);
      say("open tickets: " + open + " (fill " + fill.perSecond() + "/s)");
      disk.note("afterFill", open);

      results.put("tasklistMyQueues", TasklistTiming.myQueues(http, AGENT, 50));
      say("Tasklist \"My queues\": " + results.get("tasklistMyQueues"));
      // A specialist team's queue holds one ticket in thirty: the list reads further to fill its page.
      results.put("tasklistSpecialistQueue", TasklistTiming.myQueues(http, "billing.agent", 20));
      say("Tasklist \"My queues\" of a specialist: " + results.get("tasklistSpecialistQueue"));

      results.put("timers", new TimerWave(http, settings.timers(), settings.clients()).fire());
      say("timers: " + results.get("timers"));

      results.put("heap", heap.report(settings.heap(), open));
      say("heap: " + results.get("heap"));
      // A quiet moment after the load, as a support team's night: the node may compact its file meanwhile.
      Thread.sleep(settings.quiet().toMillis());
      disk.note("afterQuiet", open);
    } finally {
      disk.notePeak(results.get("openTickets") instanceof Long open ? open : 0L);
      long stopping = System.nanoTime();
      node.stop(Duration.ofMinutes(10));
      results.put("gracefulStopSeconds", round((System.nanoTime() - stopping) / 1e9));
      disk.close();
      disk.noteStopPeak();
    }
    long open = (Long) results.get("openTickets");
    disk.note("afterStop", open);
    if (database instanceof Database.H2) {
      disk.countRows(database.url("node"), open);
    }
    results.put("disk", disk.report());

    long relaunched = System.nanoTime();
    try (Node again = launch()) {
      results.put("restartSeconds", round((System.nanoTime() - relaunched) / 1e9));
      say("restart with " + results.get("openTickets") + " open tickets: " + results.get("restartSeconds") + " s");
    }
    Path file = work.resolve("node").resolve("data").resolve("ticketflow.mv.db");
    if (Files.exists(file)) {
      // What the embedded H2 needs on disk for this many tickets (half of it free pages H2 reuses).
      results.put("h2FileMiB", Files.size(file) / (1024 * 1024));
      say("H2 file: " + results.get("h2FileMiB") + " MiB");
    }
    results.write(work);
    System.out.println(Files.readString(work.resolve("results.md")));
  }

  private Node launch() throws Exception {
    return launch(settings, database, work);
  }

  /** The packaged jar started as an operator would, on the benchmark's database, in {@code work/node}. */
  static Node launch(Settings settings, Database database, Path work) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + settings.heap()));
    if (settings.jfr()) {
      command.add("-XX:StartFlightRecording=filename=" + work.resolve("node-" + System.currentTimeMillis() + ".jfr") + ",settings=profile");
    }
    command.addAll(List.of("-jar", settings.jar().toString(), "--server.port=" + settings.port(),
        "--spring.profiles.active=" + database.profile(), "--ticketflow.admin.password=" + ADMIN_PASSWORD,
        // The portal alone sends the whole surge: the per-client limit (6,000 a minute by default) is lifted.
        "--ticketflow.limits.requests-per-minute=10000000"));
    command.addAll(settings.nodeArguments());
    Node node = Node.launch("bench-node", settings.port(), work.resolve("node"), database.environment("node"), command);
    return node.awaitUp(Node.START_UP);
  }

  /** The surge's intake: every client posts the mix as fast as the engine answers, each with an Idempotency-Key. */
  private LoadRun intake(Http http, Duration duration, String phase) throws InterruptedException {
    return LoadRun.closedLoop(settings.clients(), duration, (thread, n) -> submit(http, thread * 1_000_003L + n, phase));
  }

  private boolean submit(Http http, long n, String phase) throws IOException, InterruptedException {
    String subject = "Surge " + subjects.incrementAndGet();
    HttpResponse<String> answer = http.post("/api/tickets", PORTAL, DEMO_PASSWORD, TicketMix.ticket(n, subject),
        "Idempotency-Key", phase + "-" + n);
    if (answer.statusCode() != 201) {
      throw new IllegalStateException("HTTP " + answer.statusCode() + " " + answer.body());
    }
    acknowledged.computeIfAbsent(Http.field(answer.body(), "status"), s -> new LongAdder()).increment();
    return true;
  }

  /**
   * Whole lifecycles, one after the other per client: the portal submits a web ticket, web.agent finds its first
   * response task over engine REST, claims it and completes it proposing a solution, the customer accepts.
   */
  private LoadRun lifecycles(Http http, Duration duration) throws InterruptedException {
    return LoadRun.closedLoop(settings.clients(), duration, (thread, n) -> {
      HttpResponse<String> submitted = http.post("/api/tickets", PORTAL, DEMO_PASSWORD,
          TicketMix.webTicket("Lifecycle " + subjects.incrementAndGet()));
      expect(submitted, 201, "submit");
      String ticket = Http.field(submitted.body(), "id");
      HttpResponse<String> tasks = http.get("/engine-rest/task?taskDefinitionKey=FirstResponse&processInstanceBusinessKey=" + ticket,
          AGENT, DEMO_PASSWORD);
      expect(tasks, 200, "task query");
      String task = Http.field(tasks.body(), "id");
      if (task == null) {
        throw new IllegalStateException("no FirstResponse task for " + ticket + ": " + tasks.body());
      }
      expect(http.post("/engine-rest/task/" + task + "/claim", AGENT, DEMO_PASSWORD, "{\"userId\":\"" + AGENT + "\"}"), 204, "claim");
      expect(http.post("/engine-rest/task/" + task + "/complete", AGENT, DEMO_PASSWORD,
          "{\"variables\":{\"reply\":{\"value\":\"Please update the client to the latest version.\"},"
              + "\"action\":{\"value\":\"PROPOSE_SOLUTION\"}}}"), 204, "complete");
      HttpResponse<String> accepted = http.post("/api/tickets/" + ticket + "/feedback", PORTAL, DEMO_PASSWORD,
          "{\"accepted\":true,\"comment\":\"Works now\"}");
      expect(accepted, 200, "feedback");
      if (!"CLOSED".equals(Http.field(accepted.body(), "status"))) {
        throw new IllegalStateException(ticket + " not closed: " + accepted.body());
      }
      return true;
    });
  }

  /** Submits more of the surge's agent tickets until {@code bench.open-tickets} are open. */
  private LoadRun fill(Http http) throws InterruptedException {
    AtomicLong next = new AtomicLong(0);
    long missing = settings.openTickets() - openTickets();
    if (missing <= 0) {
      return new LoadRun(0, 0, 0, Latencies.of(new long[0]), List.of());
    }
    say("filling to " + settings.openTickets() + " open tickets (" + missing + " more)");
    AtomicLong filled = new AtomicLong();
    long started = System.nanoTime();
    return LoadRun.untilDone(settings.clients(), () -> filled.get() >= missing, (thread, n) -> {
      long k;
      do {
        k = next.getAndIncrement();
      } while (TicketMix.deflected(k));
      submit(http, k, "fill");
      long done = filled.incrementAndGet();
      if (done % 10_000 == 0) {
        say("  " + done + " of " + missing + " in " + round((System.nanoTime() - started) / 1e9) + " s");
      }
      return true;
    });
  }

  private long openTickets() {
    return acknowledged.entrySet().stream().filter(e -> !"DEFLECTED".equals(e.getKey()))
        .mapToLong(e -> e.getValue().sum()).sum();
  }

  private static void expect(HttpResponse<String> answer, int status, String step) {
    if (answer.statusCode() != status) {
      throw new IllegalStateException(step + ": HTTP " + answer.statusCode() + " " + answer.body());
    }
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
    Map<String, Long> copy = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> copy.put(e.getKey(), e.getValue().sum()));
    return copy;
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  static void say(String line) {
    System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + line);
  }

  static void deleteRecursively(Path path) throws IOException {
    if (Files.exists(path)) {
      try (Stream<Path> all = Files.walk(path)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
