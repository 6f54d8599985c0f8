package ticketflow.bench;

import java.util.Arrays;

/** Latencies of one run, in milliseconds, with the percentiles the report gives. */
record Latencies(long count, double p50, double p95, double p99, double max) {

  static Latencies of(long[] nanos) {
    if (nanos.length == 0) {
      return new Latencies(0, 0, 0, 0, 0);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latencies(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
        millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
  }

  /** Nearest-rank percentile. */
  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 100_000.0) / 10.0;
  }
}
