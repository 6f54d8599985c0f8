package ticketflow.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import ticketflow.report.SlaFigures.FirstResponseWindow;
import ticketflow.report.SlaFigures.OpenCount;
import ticketflow.report.SlaFigures.OpenTickets;
import ticketflow.report.SlaFigures.OverdueClock;
import ticketflow.report.SlaFigures.PriorityCompliance;
import ticketflow.process.ModelContract;

/**
 * SLA figures by SQL over tf_ticket, tf_sla_clock and tf_sla_event (portable: H2 and PostgreSQL); the median in
 * Java. "Open" is every status but CLOSED and DEFLECTED. Times are the engine's clock, so tests that move it get
 * figures as of the moved time.
 */
@Service
public class SlaReport {

  static final Duration WEEK = Duration.ofDays(7);
  static final Duration MONTH = Duration.ofDays(30);
  static final String UNTRIAGED = "UNTRIAGED";
  private static final String OPEN = "t.status not in ('CLOSED', 'DEFLECTED')";

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final Clock clock;

  SlaReport(JdbcTemplate jdbc, RuntimeService runtime, Clock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** The figures now, with first-response compliance of tickets created in [from, to). */
  public SlaFigures figures(Instant from, Instant to) {
    Instant now = now();
    return new SlaFigures(now, openTickets(), overdue("AT_RISK", now), overdue("BREACHED", now), firstResponse(from, to));
  }

  /** The board: the figures now, compliance over the last 7 and 30 days (both windows end now). */
  public SlaBoard board() {
    Instant now = now();
    return new SlaBoard(now, openTickets(), overdue("AT_RISK", now), overdue("BREACHED", now),
        firstResponse(now.minus(WEEK), now), firstResponse(now.minus(MONTH), now));
  }

  OpenTickets openTickets() {
    List<OpenCount> counts = jdbc.query("select t.priority, t.status, count(*) from tf_ticket t where " + OPEN
            + " group by t.priority, t.status",
        (rs, row) -> new OpenCount(rs.getString(1) == null ? UNTRIAGED : rs.getString(1), rs.getString(2), rs.getLong(3)));
    List<OpenCount> sorted = new ArrayList<>(counts);
    sorted.sort(Comparator.comparing(OpenCount::priority).thenComparing(OpenCount::status));
    return new OpenTickets(sorted.stream().mapToLong(OpenCount::count).sum(), List.copyOf(sorted));
  }

  List<OverdueClock> overdue(String state, Instant now) {
    List<OverdueClock> clocks = jdbc.query("select t.id, t.priority, t.queue, t.status, c.commitment, c.state, c.due_at"
            + " from tf_sla_clock c join tf_ticket t on t.id = c.ticket_id where c.state = ? and " + OPEN
            + " order by c.due_at, t.id, c.commitment",
        (rs, row) -> {
          Instant due = instant(rs, "due_at");
          return new OverdueClock(rs.getString("id"), rs.getString("priority"), rs.getString("queue"), rs.getString("status"),
              rs.getString("commitment"), rs.getString("state"), due, due == null ? 0 : Duration.between(now, due).toSeconds(),
              null);
        }, state);
    Map<String, String> instances = new HashMap<>();
    return clocks.stream().map(c -> new OverdueClock(c.ticketId(), c.priority(), c.queue(), c.status(), c.commitment(), c.state(),
        c.dueAt(), c.secondsToDue(), instances.computeIfAbsent(c.ticketId(), this::processInstanceId))).toList();
  }

  FirstResponseWindow firstResponse(Instant from, Instant to) {
    Map<String, long[]> decided = new TreeMap<>();
    jdbc.query("select t.priority, count(*), sum(case when c.state = 'MET' and c.met_at <= c.due_at then 1 else 0 end)"
            + " from tf_sla_clock c join tf_ticket t on t.id = c.ticket_id"
            + " where c.commitment = 'FIRST_RESPONSE' and c.state in ('MET', 'BREACHED')"
            + " and t.created_at >= ? and t.created_at < ? group by t.priority",
        (ResultSet rs) -> {
          decided.put(priority(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3)});
        }, utc(from), utc(to));
    Map<String, List<Long>> times = new TreeMap<>();
    jdbc.query("select t.priority, t.created_at, c.met_at from tf_sla_clock c join tf_ticket t on t.id = c.ticket_id"
            + " where c.commitment = 'FIRST_RESPONSE' and c.state = 'MET' and c.met_at is not null"
            + " and t.created_at >= ? and t.created_at < ?",
        (ResultSet rs) -> {
          times.computeIfAbsent(priority(rs.getString(1)), p -> new ArrayList<>())
              .add(Duration.between(instant(rs, "created_at"), instant(rs, "met_at")).toSeconds());
        }, utc(from), utc(to));
    List<PriorityCompliance> byPriority = new ArrayList<>();
    TreeMap<String, Boolean> priorities = new TreeMap<>();
    decided.keySet().forEach(p -> priorities.put(p, true));
    times.keySet().forEach(p -> priorities.put(p, true));
    long allDecided = 0;
    long allMet = 0;
    List<Long> allTimes = new ArrayList<>();
    for (String p : priorities.keySet()) {
      long[] counts = decided.getOrDefault(p, new long[] {0, 0});
      List<Long> answered = times.getOrDefault(p, List.of());
      byPriority.add(new PriorityCompliance(p, counts[0], counts[1], rate(counts[1], counts[0]), median(answered)));
      allDecided += counts[0];
      allMet += counts[1];
      allTimes.addAll(answered);
    }
    return new FirstResponseWindow(from, to, allDecided, allMet, rate(allMet, allDecided), median(allTimes), List.copyOf(byPriority));
  }

  /** The median in whole seconds (the mean of the middle two for an even count, rounded down); null for none. */
  static Long median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : Math.floorDiv(sorted.get(middle - 1) + sorted.get(middle), 2);
  }

  private static Double rate(long met, long decided) {
    return decided == 0 ? null : (double) met / decided;
  }

  private String processInstanceId(String ticketId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ModelContract.PROCESS).processInstanceBusinessKey(ticketId)
        .list().stream().map(ProcessInstance::getId).findFirst().orElse(null);
  }

  private static String priority(String value) {
    return value == null ? UNTRIAGED : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
