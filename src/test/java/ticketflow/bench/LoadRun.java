package ticketflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop run: each client thread repeats its step as soon as the previous one answered, for a fixed time.
 * Answers how many steps succeeded per second and their latencies; failures are counted and a few kept as samples.
 */
record LoadRun(long count, long failures, double seconds, Latencies latencies, List<String> failureSamples) {

  /** One client's step; false or an exception is a failure. */
  interface Step {
    boolean perform(int thread, long n) throws Exception;
  }

  double perSecond() {
    return seconds == 0 ? 0 : Math.round(count / seconds * 10) / 10.0;
  }

  static LoadRun closedLoop(int threads, Duration duration, Step step) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    return untilDone(threads, () -> System.nanoTime() >= end, step);
  }

  /** Clients repeat their step until {@code done} answers true. */
  static LoadRun untilDone(int threads, java.util.function.BooleanSupplier done, Step step) throws InterruptedException {
    long[][] perThread = new long[threads][];
    int[] counts = new int[threads];
    AtomicLong failures = new AtomicLong();
    ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
    java.util.Set<String> seen = ConcurrentHashMap.newKeySet();
    long start = System.nanoTime();
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      perThread[t] = new long[1024];
      Thread client = new Thread(() -> {
        long n = 0;
        while (!done.getAsBoolean()) {
          long began = System.nanoTime();
          boolean ok;
          String failure = null;
          try {
            ok = step.perform(thread, n++);
          } catch (Exception e) {
            ok = false;
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
          }
          long took = System.nanoTime() - began;
          if (ok) {
            if (counts[thread] == perThread[thread].length) {
              perThread[thread] = java.util.Arrays.copyOf(perThread[thread], counts[thread] * 2);
            }
            perThread[thread][counts[thread]++] = took;
          } else {
            failures.incrementAndGet();
            if (failure != null && seen.add(failure.length() > 80 ? failure.substring(0, 80) : failure) && samples.size() < 5) {
              samples.add(failure);
            }
          }
        }
      }, "client-" + t);
      client.start();
      clients.add(client);
    }
    for (Thread client : clients) {
      client.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(perThread[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    return new LoadRun(total, failures.get(), seconds, Latencies.of(all), List.copyOf(samples));
  }

}
