package ticketflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static ticketflow.cluster.ClusterSupport.freePort;
import static ticketflow.cluster.ClusterSupport.record;
import static ticketflow.cluster.ClusterSupport.submit;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import ticketflow.EmbeddedPostgresDatabase;
import ticketflow.SeparateJvmTest;

/**
 * A rolling restart as an operator does it: each node in turn is stopped with SIGTERM and started again while the
 * portal keeps submitting, retrying a refused or cut request with the same idempotency key on the other node. Every
 * acknowledged ticket is there once, and nothing else is.
 */
@SeparateJvmTest
@ResourceLock(SeparateJvmTest.LANE_B)
@Tag("postgres")
class RollingRestartOnPostgresTest {

  private static final int CLIENTS = 4;

  @Test
  void restartingEachNodeInTurnLosesAndDuplicatesNoTicket() throws Exception {
    String url = EmbeddedPostgresDatabase.newDatabase();
    AtomicReferenceArray<Node> nodes = new AtomicReferenceArray<>(new Node[] {node("rolling-a", freePort(), url),
        node("rolling-b", freePort(), url)});
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger retried = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Integer> exitCodes = new ArrayList<>();
    try {
      nodes.get(0).awaitUp(Node.START_UP);
      nodes.get(1).awaitUp(Node.START_UP);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        running.add(clients.submit(() -> submitUntilStopped(client, nodes, acknowledged, retried, stop)));
      }
      for (int i = 0; i < 2; i++) {
        int before = acknowledged.size();
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= before + 40);
        Node old = nodes.get(i);
        exitCodes.add(old.terminate(Duration.ofSeconds(60)));
        assertThat(Files.readString(old.log())).as("SIGTERM ends %s gracefully", old.name).contains("Graceful shutdown complete");
        Node restarted = node(old.name, old.port, url);
        nodes.set(i, restarted);
        restarted.awaitUp(Node.START_UP);
      }
      int before = acknowledged.size();
      Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= before + 40);
      stop.set(true);
      for (Future<?> client : running) {
        client.get();
      }

      Set<String> ids = new HashSet<>(acknowledged.values());
      long tickets = count(url, "select count(*) from tf_ticket");
      long keys = count(url, "select count(*) from tf_idempotency_key");
      long instances = count(url, "select count(*) from act_ru_execution where parent_id_ is null");
      record("rolling restart of two nodes: acknowledged " + acknowledged.size() + " keys, retried on the other node "
          + retried.get() + ", tickets " + tickets + ", idempotency keys " + keys + ", exit codes " + exitCodes);
      assertThat(ids).as("one ticket per key").hasSize(acknowledged.size());
      assertThat(tickets).as("every acknowledged ticket, nothing else").isEqualTo(acknowledged.size());
      assertThat(keys).isEqualTo(acknowledged.size());
      assertThat(instances).as("a running lifecycle per ticket").isEqualTo(tickets);
      for (String id : ids) {
        assertThat(count(url, "select count(*) from tf_ticket where id = '" + id + "'")).isEqualTo(1);
      }
    } finally {
      stop.set(true);
      clients.shutdownNow();
      nodes.get(0).close();
      nodes.get(1).close();
    }
  }

  /** One portal client: a new key per ticket, the same key again on the other node until it is acknowledged. */
  private static void submitUntilStopped(int client, AtomicReferenceArray<Node> nodes, Map<String, String> acknowledged,
      AtomicInteger retried, AtomicBoolean stop) {
    int next = client % 2;
    int n = 0;
    while (!stop.get()) {
      String key = "rolling-" + client + "-" + n++ + "-" + UUID.randomUUID();
      long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      String id = submit(nodes.get(next), "Rolling restart " + key, key);
      while (id == null && System.nanoTime() < giveUp) {
        retried.incrementAndGet();
        pause();
        next = 1 - next;
        id = submit(nodes.get(next), "Rolling restart " + key, key);
      }
      if (id == null) {
        throw new IllegalStateException("No node acknowledged " + key + " within 3 minutes");
      }
      acknowledged.put(key, id);
      next = 1 - next;
    }
  }

  /** A client's back-off before the retry, so a refusing node is not hammered. */
  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Node node(String name, int port, String url) throws Exception {
    return Node.start(name, port, Map.of("TICKETFLOW_DB_URL", url, "TICKETFLOW_DB_USER", "postgres", "TICKETFLOW_DB_PASSWORD", ""),
        "--spring.profiles.active=postgres,demo");
  }

  private static long count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
