package ticketflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The embedded H2's file over the run (every second): its largest size while the node runs, its size at chosen
 * moments, after the graceful stop, and the rows the database then holds. Bytes are per open ticket, as the issue
 * asks (closed and deflected tickets of the run are in the file too, so the figures are slightly pessimistic).
 */
final class DiskWatch implements AutoCloseable {

  private final Path data;
  private final AtomicLong peak = new AtomicLong();
  private final Map<String, Object> report = new LinkedHashMap<>();
  private volatile boolean running = true;
  private final Thread sampler;
  /** MiB every ten seconds from the start of the node, to see how the file grows and shrinks. */
  private final List<Double> everyTenSeconds = java.util.Collections.synchronizedList(new ArrayList<>());

  DiskWatch(Path data) {
    this.data = data;
    sampler = new Thread(() -> {
      long n = 0;
      while (running) {
        try {
          long now = bytes();
          peak.accumulateAndGet(now, Math::max);
          if (n++ % 10 == 0) {
            everyTenSeconds.add(mib(now));
          }
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          // a file being replaced (SHUTDOWN COMPACT) is a missing sample
        }
      }
    }, "disk-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Bytes of every H2 file in the data folder (*.mv.db and any temporary file of a compaction). */
  long bytes() throws IOException {
    if (!Files.isDirectory(data)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(data)) {
      long sum = 0;
      for (Path f : files.toList()) {
        try {
          sum += Files.size(f);
        } catch (IOException gone) {
          // replaced while listed
        }
      }
      return sum;
    }
  }

  /** Records the size now, as bytes per open ticket. */
  void note(String moment, long openTickets) throws IOException {
    long now = bytes();
    peak.accumulateAndGet(now, Math::max);
    report.put(moment + "MiB", mib(now));
    report.put(moment + "KiBPerOpenTicket", perTicket(now, openTickets));
    SurgeBenchmark.say("H2 files " + moment + ": " + mib(now) + " MiB, " + perTicket(now, openTickets) + " KiB per open ticket");
  }

  /**
   * The largest size seen while the node ran, per open ticket at the end; from here on the largest seen while it
   * stops (a compaction on stop needs room for the new file next to the old one).
   */
  void notePeak(long openTickets) throws IOException {
    long running = Math.max(peak.getAndSet(bytes()), peak.get());
    report.put("peakRunningMiB", mib(running));
    report.put("peakRunningKiBPerOpenTicket", perTicket(running, openTickets));
  }

  /** The largest size seen since {@link #notePeak}, while the node stopped. */
  void noteStopPeak() {
    report.put("peakDuringStopMiB", mib(peak.get()));
  }

  /** Rows in every table of the stopped node's database, read-only, per open ticket. */
  void countRows(String url, long openTickets) {
    try (Connection c = DriverManager.getConnection(url + ";ACCESS_MODE_DATA=r", "sa", "");
         Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet r = s.executeQuery("select TABLE_NAME from INFORMATION_SCHEMA.TABLES where TABLE_SCHEMA = 'PUBLIC' and TABLE_TYPE = 'BASE TABLE'")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      long rows = 0;
      Map<String, Long> perTable = new LinkedHashMap<>();
      for (String table : tables) {
        try (ResultSet r = s.executeQuery("select count(*) from \"" + table + "\"")) {
          r.next();
          long n = r.getLong(1);
          rows += n;
          if (n > 0) {
            perTable.put(table, n);
          }
        }
      }
      report.put("rows", rows);
      report.put("rowsPerOpenTicket", openTickets == 0 ? 0 : Math.round(rows * 10.0 / openTickets) / 10.0);
      report.put("rowsByTable", perTable);
      SurgeBenchmark.say("rows: " + rows + ", " + report.get("rowsPerOpenTicket") + " per open ticket");
    } catch (SQLException e) {
      report.put("rowsError", e.getMessage());
    }
  }

  Map<String, Object> report() {
    report.put("mibEveryTenSeconds", List.copyOf(everyTenSeconds));
    return report;
  }

  private static double mib(long bytes) {
    return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
  }

  private static double perTicket(long bytes, long openTickets) {
    return openTickets == 0 ? 0 : Math.round(bytes / 1024.0 / openTickets * 10) / 10.0;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
