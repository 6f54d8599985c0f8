package ticketflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static ticketflow.cluster.ClusterSupport.deployShortCommitments;
import static ticketflow.cluster.ClusterSupport.freePort;
import static ticketflow.cluster.ClusterSupport.record;
import static ticketflow.cluster.ClusterSupport.submit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import ticketflow.EmbeddedPostgresDatabase;
import ticketflow.SeparateJvmTest;

/**
 * Several engine nodes on one PostgreSQL database, Camunda's clustering model: timers spread across the nodes, each
 * fires exactly once, and a node killed with SIGKILL loses nothing once its job locks expire. Figures are printed
 * and kept in target/cluster/results.txt.
 */
@Tag("postgres")
@SeparateJvmTest
@ResourceLock(SeparateJvmTest.LANE_A)
class ClusterOnPostgresTest {

  /** A killed node's job locks expire after this; the survivor then runs its jobs. */
  static final Duration LOCK_TIME = Duration.ofSeconds(15);

  @Test
  void twoNodesStartingAtOnceDeployOnceAndFireEveryTimerOfFiveHundredTicketsExactlyOnce() throws Exception {
    String url = EmbeddedPostgresDatabase.newDatabase();
    try (Node a = node("node-a", url); Node b = node("node-b", url)) {
      a.awaitUp(Node.START_UP);
      b.awaitUp(Node.START_UP);
      assertThat(count(url, "select count(*) from act_re_procdef where key_ = 'ticket-lifecycle'")).isEqualTo(1);

      deployShortCommitments(a);
      List<String> ids = submitAll(List.of(a, b), 500);
      assertThat(ids).hasSize(500).doesNotHaveDuplicates();

      awaitLadder(url, ids.size(), Duration.ofMinutes(4));
      Map<String, Long> duplicates = duplicates(url);
      Map<String, Long> perNode = jobsPerNode(url);
      record("two nodes, 500 tickets: submitted 500, acknowledged " + ids.size() + ", at-risk " + events(url, "AT_RISK")
          + ", breached " + events(url, "BREACHED") + ", level 2 " + level2(url) + ", duplicates " + duplicates.size()
          + ", timer jobs run per node " + perNode);
      assertThat(duplicates).isEmpty();
      assertThat(perNode).containsKeys("node-a", "node-b");
    }
  }

  @Test
  void aNodeKilledWhileTimersAreDueLosesNoneOfThem() throws Exception {
    String url = EmbeddedPostgresDatabase.newDatabase();
    try (Node a = node("node-a", url)) {
      a.awaitUp(Node.START_UP);
      try (Node b = node("node-b", url)) {
        b.awaitUp(Node.START_UP);
        deployShortCommitments(a);
        List<String> ids = submitAll(List.of(a, b), 200);
        // Kill node B in the middle of the at-risk wave (due 15 s after submission), holding the jobs it acquired.
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
            .until(() -> events(url, "AT_RISK") >= ids.size() / 3);
        // Best moment: while some due jobs are locked (acquired, not yet done); after 10 s, kill anyway.
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (count(url, "select count(*) from act_ru_job where lock_owner_ is not null") == 0 && System.nanoTime() < until) {
          Thread.sleep(20);
        }
        long lockedAtKill = count(url, "select count(*) from act_ru_job where lock_owner_ is not null");
        long firedBeforeKill = events(url, "AT_RISK");
        b.kill();
        assertThat(b.alive()).isFalse();
        awaitLadder(url, ids.size(), Duration.ofMinutes(4));
        Map<String, Long> duplicates = duplicates(url);
        record("node killed with SIGKILL at " + firedBeforeKill + "/" + ids.size() + " at-risk timers fired, " + lockedAtKill
            + " jobs locked (lock time "
            + LOCK_TIME.toSeconds() + " s): acknowledged " + ids.size() + ", at-risk " + events(url, "AT_RISK") + ", breached "
            + events(url, "BREACHED") + ", level 2 " + level2(url) + ", duplicates " + duplicates.size()
            + ", timer jobs run per node " + jobsPerNode(url));
        assertThat(duplicates).isEmpty();
      }
    }
  }

  private static Node node(String name, String url) throws Exception {
    return Node.start(name, freePort(), Map.of("TICKETFLOW_DB_URL", url, "TICKETFLOW_DB_USER", "postgres", "TICKETFLOW_DB_PASSWORD", ""),
        "--spring.profiles.active=postgres,demo", "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
        // Full history for the job log, whose host names show which node ran each timer (ticketflow keeps activity).
        "--camunda.bpm.history-level=full");
  }

  /** Submits from eight clients, spread over the nodes; answers the acknowledged ticket ids. */
  private static List<String> submitAll(List<Node> nodes, int tickets) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<String>> answers = new ArrayList<>();
    for (int i = 0; i < tickets; i++) {
      Node node = nodes.get(i % nodes.size());
      String subject = "Cluster ticket " + i;
      answers.add(clients.submit(() -> submit(node, subject)));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> answer : answers) {
      String id = answer.get();
      if (id != null) {
        ids.add(id);
      }
    }
    clients.shutdown();
    return ids;
  }

  private static void awaitLadder(String url, int tickets, Duration within) {
    Awaitility.await().atMost(within).pollInterval(Duration.ofSeconds(2)).until(() ->
        events(url, "AT_RISK") >= tickets && events(url, "BREACHED") >= tickets && level2(url) >= tickets);
    // A moment longer: a duplicate would show up now if any node were to fire a timer twice.
    Awaitility.await().pollDelay(Duration.ofSeconds(5)).until(() -> true);
  }

  private static long events(String url, String event) throws Exception {
    return count(url, "select count(*) from tf_sla_event where commitment = 'FIRST_RESPONSE' and event = '" + event + "'");
  }

  private static long level2(String url) throws Exception {
    return count(url, "select count(*) from tf_sla_event where commitment = 'FIRST_RESPONSE' and event = 'ESCALATED' and level = 2");
  }

  private static Map<String, Long> duplicates(String url) throws Exception {
    return rows(url, "select ticket_id || ' ' || event || ' ' || coalesce(level, 0), count(*) from tf_sla_event"
        + " where commitment = 'FIRST_RESPONSE' group by ticket_id, event, level having count(*) > 1");
  }

  private static Map<String, Long> jobsPerNode(String url) throws Exception {
    return rows(url, "select hostname_, count(*) from act_hi_job_log where job_def_type_ like 'timer%'"
        + " and job_state_ = 2 group by hostname_ order by hostname_");
  }

  private static long count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, Long> rows(String url, String sql) throws Exception {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getLong(2));
      }
    }
    return Collections.unmodifiableMap(rows);
  }
}
