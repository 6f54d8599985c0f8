package ticketflow.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets by key (a client, or an address that keeps failing to log in). Buckets live in this node's memory:
 * a cluster of n nodes allows up to n times the limit, which is what a per-node safety valve needs.
 */
final class RateLimits {

  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final long capacity;
  private final Duration period;

  RateLimits(long capacity, Duration period) {
    this.capacity = capacity;
    this.period = period;
  }

  /** Takes one token; answers how long to wait when there is none (zero when allowed). */
  Duration take(String key) {
    ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
  }

  /** How long until a token is back, without taking one. */
  Duration waitFor(String key) {
    Bucket bucket = buckets.get(key);
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
  }

  private Bucket bucket(String key) {
    if (buckets.size() > 100_000) {
      // A flood of distinct keys (spoofed clients) must not grow memory without bound.
      buckets.clear();
    }
    return buckets.computeIfAbsent(key, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build());
  }
}
