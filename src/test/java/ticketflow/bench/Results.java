package ticketflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The run's figures: target/bench/results.json (everything) and results.md (the table BENCHMARKS.md keeps). */
final class Results {

  private final Map<String, Object> figures = new LinkedHashMap<>();

  void put(String name, Object value) {
    figures.put(name, value);
  }

  Object get(String name) {
    return figures.get(name);
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve("results.json").toFile(), figures);
    Files.writeString(directory.resolve("results.md"), markdown());
  }

  @SuppressWarnings("unchecked")
  private String markdown() {
    RawEngineBaseline.Figures raw = (RawEngineBaseline.Figures) figures.getOrDefault("baseline",
        new RawEngineBaseline.Figures("(not run)", 0, 0, 0, Latencies.of(new long[0]), 0));
    LoadRun intake = (LoadRun) figures.get("intake");
    LoadRun lifecycles = (LoadRun) figures.get("lifecycles");
    Map<String, Object> timers = (Map<String, Object>) figures.get("timers");
    Map<String, Object> heap = (Map<String, Object>) figures.get("heap");
    Map<String, Object> settings = (Map<String, Object>) figures.get("settings");
    Map<String, Object> machine = (Map<String, Object>) figures.get("machine");
    double intakeRatio = ratio(intake.perSecond(), raw.startsPerSecond());
    double firedWithin = ((Number) timers.getOrDefault("allFiredWithinSeconds", Double.NaN)).doubleValue();
    double peak = ((Number) heap.get("peakUsedMiB")).doubleValue();
    double startUp = ((Number) figures.get("startUpSeconds")).doubleValue();
    double restart = ((Number) figures.get("restartSeconds")).doubleValue();
    StringBuilder md = new StringBuilder();
    md.append("Surge benchmark, ").append(settings.get("db")).append(", ").append(settings.get("clients")).append(" clients, ")
        .append(machine.get("cpus")).append(" CPUs (").append(machine.get("cpuModel")).append("), ").append(machine.get("java"))
        .append(", ").append(machine.get("startedAt")).append("; baseline: raw Camunda, history ").append(raw.historyLevel())
        .append(".\n\n");
    md.append("| measure | ticketflow | raw engine | ratio | target | met |\n|---|---|---|---|---|---|\n");
    row(md, "intake, tickets/s (" + settings.get("intakeSeconds") + " s, " + intake.count() + " tickets, " + intake.failures() + " failed)",
        intake.perSecond(), raw.startsPerSecond(), intakeRatio, "≥ 150/s", intake.perSecond() >= 150 && intake.failures() == 0);
    row(md, "intake against the raw engine's starts/s", intakeRatio + " ×", "", "", "≥ 0.5 ×", intakeRatio >= 0.5);
    row(md, "intake latency p50 / p95 / p99, ms", lat(intake.latencies()), lat(raw.latencies()), "",
        "p99 ≤ 200 ms", intake.latencies().p99() <= 200);
    row(md, "whole lifecycles/s (submit, claim, complete, accept; " + lifecycles.failures() + " failed)", lifecycles.perSecond(),
        raw.lifecyclesPerSecond(), ratio(lifecycles.perSecond(), raw.lifecyclesPerSecond()), "", null);
    row(md, "lifecycle latency p50 / p95 / p99, ms", lat(lifecycles.latencies()), "", "", "", null);
    row(md, timers.get("timers") + " due at-risk timers, all fired within (s)", firedWithin, "", "", "≤ 60 s",
        firedWithin <= 60 && ((Number) timers.getOrDefault("left", 1)).longValue() == 0);
    row(md, "peak heap used, MiB (-Xmx" + heap.get("ceiling") + ", " + heap.get("openTickets") + " open tickets; live after full GC "
        + heap.get("liveAfterFullGcMiB") + ")", peak, "", "", "≤ 512 MiB with 100,000 open", peak <= 512
        && ((Number) heap.get("openTickets")).longValue() >= 100_000);
    row(md, "start-up, s (empty database; restart with " + figures.get("openTickets") + " open tickets)",
        startUp + " (" + restart + ")", "", "", "≤ 20 s", startUp <= 20 && restart <= 20);
    Map<String, Object> disk = (Map<String, Object>) figures.get("disk");
    if (disk != null && disk.containsKey("afterStopKiBPerOpenTicket")) {
      double running = ((Number) disk.get("peakRunningKiBPerOpenTicket")).doubleValue();
      double stopped = ((Number) disk.get("afterStopKiBPerOpenTicket")).doubleValue();
      row(md, "H2 files per open ticket while running, KiB (largest seen; " + disk.get("peakRunningMiB") + " MiB; after the fill "
          + disk.get("afterFillKiBPerOpenTicket") + ", after " + settings.get("quietSeconds") + " s quiet "
          + disk.get("afterQuietKiBPerOpenTicket") + ")", running, "", "", "≤ 32 KiB", running <= 32);
      row(md, "H2 files per open ticket after the graceful stop, KiB (" + disk.get("afterStopMiB") + " MiB; stop took "
          + figures.get("gracefulStopSeconds") + " s, up to " + disk.get("peakDuringStopMiB") + " MiB meanwhile)", stopped, "", "",
          "≤ 32 KiB", stopped <= 32);
      if (disk.containsKey("rowsPerOpenTicket")) {
        row(md, "rows in all tables per open ticket (" + disk.get("rows") + " rows, closed and deflected tickets included)",
            disk.get("rowsPerOpenTicket"), "", "", "", null);
      }
    }
    tasklistRows(md, (Map<String, Object>) figures.get("tasklistMyQueues"), figures.get("openTickets"), true);
    tasklistRows(md, (Map<String, Object>) figures.get("tasklistSpecialistQueue"), figures.get("openTickets"), false);
    if (figures.containsKey("h2FileMiB")) {
      row(md, "H2 file on disk, MiB (" + figures.get("openTickets") + " open tickets)", figures.get("h2FileMiB"), "", "", "", null);
    }
    return md.toString();
  }

  /** The list the target is set on (engine REST filter list) and Tasklist's own page request, which adds the count. */
  private static void tasklistRows(StringBuilder md, Map<String, Object> tasklist, Object open, boolean target) {
    if (tasklist == null) {
      return;
    }
    Latencies list = (Latencies) tasklist.get("latencies");
    row(md, "Tasklist \"My queues\" for " + tasklist.get("agent") + " (engine REST filter list, 15 of " + open
        + " open, due first), p50 / p95 / p99 ms", lat(list), "", "", target ? "p95 ≤ 300 ms" : "", target ? list.p95() <= 300 : null);
    Latencies page = (Latencies) tasklist.get("tasklistPageLatencies");
    if (page != null) {
      row(md, "Tasklist's page request for it (HAL: the list, its columns and the number in the queue), p50 / p95 / p99 ms",
          lat(page), "", "", "", null);
    }
  }

  private static void row(StringBuilder md, String measure, Object ours, Object raw, Object ratio, String target, Boolean met) {
    md.append("| ").append(measure).append(" | ").append(ours).append(" | ").append(raw).append(" | ").append(ratio)
        .append(" | ").append(target).append(" | ").append(met == null ? "" : met ? "yes" : "**no**").append(" |\n");
  }

  private static String lat(Latencies l) {
    return l.p50() + " / " + l.p95() + " / " + l.p99();
  }

  private static double ratio(double ours, double raw) {
    return raw == 0 ? 0 : Math.round(ours / raw * 100) / 100.0;
  }
}
