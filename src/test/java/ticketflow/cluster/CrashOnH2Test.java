package ticketflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static ticketflow.cluster.ClusterSupport.freePort;
import static ticketflow.cluster.ClusterSupport.get;
import static ticketflow.cluster.ClusterSupport.record;
import static ticketflow.cluster.ClusterSupport.status;
import static ticketflow.cluster.ClusterSupport.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import ticketflow.SeparateJvmTest;

/**
 * The embedded default, killed with SIGKILL in the middle of a stream of submissions and started again on the same
 * data: every ticket acknowledged with 201 is there with its process instance, and no instance lacks its ticket.
 */
@SeparateJvmTest
@ResourceLock(SeparateJvmTest.LANE_B)
class CrashOnH2Test {

  @Test
  void killedDuringAStreamOfSubmissionsTheEngineKeepsEveryAcknowledgedTicket() throws Exception {
    Path data = Files.createTempDirectory("ticketflow-crash");
    int port = freePort();
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger sent = new AtomicInteger();
    // The default configuration, as the README runs it: ./data of the node's working directory.
    Node first = Node.start("h2-before-crash", port, data, Map.of(), "--spring.profiles.active=demo").awaitUp(Node.START_UP);
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(6);
    for (int c = 0; c < 6; c++) {
      clients.submit(() -> {
        while (running.get()) {
          String id = submit(first, "Crash ticket " + sent.incrementAndGet());
          if (id != null) {
            acknowledged.add(id);
          }
        }
      });
    }
    // At least six seconds into the stream, and well under way: a loaded machine takes longer to get there.
    Awaitility.await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofMinutes(3)).until(() -> acknowledged.size() >= 50);
    int sentBeforeKill = sent.get();
    first.kill();
    Thread.sleep(1_000);
    running.set(false);
    clients.shutdown();
    clients.awaitTermination(30, TimeUnit.SECONDS);

    try (Node second = Node.start("h2-after-crash", port, data, Map.of(), "--spring.profiles.active=demo").awaitUp(Node.START_UP)) {
      ObjectMapper json = new ObjectMapper();
      List<String> missing = new ArrayList<>();
      List<String> withoutInstance = new ArrayList<>();
      for (String id : acknowledged) {
        if (status(second, "/api/tickets/" + id, "portal", "demo") != 200) {
          missing.add(id);
        }
        JsonNode instances = json.readTree(get(second, "/engine-rest/process-instance?businessKey=" + id, "admin", "cluster-admin"));
        if (instances.size() != 1) {
          withoutInstance.add(id);
        }
      }
      Set<String> keys = new HashSet<>();
      json.readTree(get(second, "/engine-rest/process-instance?processDefinitionKey=ticket-lifecycle&maxResults=100000", "admin", "cluster-admin"))
          .forEach(pi -> keys.add(pi.get("businessKey").asText()));
      List<String> orphans = keys.stream().filter(key -> {
        try {
          return status(second, "/api/tickets/" + key, "portal", "demo") != 200;
        } catch (Exception e) {
          return true;
        }
      }).toList();
      record("H2 SIGKILL during submissions: sent before the kill " + sentBeforeKill + ", acknowledged " + acknowledged.size()
          + ", found after restart " + (acknowledged.size() - missing.size()) + ", with process instance "
          + (acknowledged.size() - withoutInstance.size()) + ", instances " + keys.size() + ", instances without ticket " + orphans.size());
      assertThat(acknowledged).isNotEmpty();
      assertThat(missing).isEmpty();
      assertThat(withoutInstance).isEmpty();
      assertThat(orphans).isEmpty();
    }
  }
}
