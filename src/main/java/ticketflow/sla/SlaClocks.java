package ticketflow.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ticketflow.database.TransactionMemo;

/**
 * Commitment clocks and their events, in ticketflow's own tables. The clock rows also keep the Tasklist priority of
 * the ticket's tasks from the same commitment terms ({@link #taskPriority}).
 */
@Repository
public class SlaClocks {

  public record Event(Commitment commitment, SlaEventType event, Integer level, Instant at) {
  }

  private final JdbcTemplate jdbc;
  private final SlaOutcomes outcomes;
  /** Keys of this repository's memos within a transaction. */
  private final Object priorities = new Object();
  private final Object clocks = new Object();

  SlaClocks(JdbcTemplate jdbc, SlaOutcomes outcomes) {
    this.jdbc = jdbc;
    this.outcomes = outcomes;
  }

  public List<SlaClock> of(String ticketId) {
    List<SlaClock> all = jdbc.query("select * from tf_sla_clock where ticket_id = ?", this::map, ticketId);
    Map<String, Optional<SlaClock>> known = known();
    for (Commitment commitment : Commitment.values()) {
      known.put(key(ticketId, commitment), all.stream().filter(c -> c.commitment() == commitment).findFirst());
    }
    return all;
  }

  /** The clock; read once per transaction, as the model's timers and tasks ask for it several times (due dates). */
  public Optional<SlaClock> find(String ticketId, Commitment commitment) {
    return known().computeIfAbsent(key(ticketId, commitment), k -> jdbc.query(
        "select * from tf_sla_clock where ticket_id = ? and commitment = ?", this::map, ticketId, commitment.name())
        .stream().findFirst());
  }

  public void save(SlaClock c) {
    outcomes.clock(c);
    known().put(key(c.ticketId(), c.commitment()), Optional.of(c));
    if (update(c) == 0) {
      // The task priority follows with prioritise, which whoever starts a clock here calls once its terms are settled.
      insert(c, null);
    }
  }

  /** A clock started at triage, on terms that give the ticket's tasks {@code taskPriority}. */
  void start(SlaClock c, int taskPriority) {
    outcomes.clock(c);
    known().put(key(c.ticketId(), c.commitment()), Optional.of(c));
    if (update(c) == 0) {
      insert(c, taskPriority);
      memo().put(c.ticketId(), taskPriority);
    } else {
      prioritise(c.ticketId(), taskPriority);
    }
  }

  /** The ticket's tasks take a new priority (its terms changed): every clock row of the ticket keeps it. */
  void prioritise(String ticketId, int taskPriority) {
    jdbc.update("update tf_sla_clock set task_priority = ? where ticket_id = ?", taskPriority, ticketId);
    memo().put(ticketId, taskPriority);
  }

  /**
   * The Tasklist priority of the ticket's tasks; empty for a ticket opened before the clocks kept it. A task's due date
   * has just read one of the ticket's clock rows when its priority is asked: remembered for the transaction, so that
   * this costs no query of its own.
   */
  Optional<Integer> taskPriority(String ticketId) {
    Map<String, Integer> memo = memo();
    if (!memo.containsKey(ticketId)) {
      memo.put(ticketId, jdbc.queryForObject("select max(task_priority) from tf_sla_clock where ticket_id = ?", Integer.class,
          ticketId));
    }
    return Optional.ofNullable(memo.get(ticketId));
  }

  private int update(SlaClock c) {
    return jdbc.update("update tf_sla_clock set calendar = ?, target_seconds = ?, started_at = ?, paused_open_seconds = ?,"
            + " paused_at = ?, due_at = ?, state = ?, met_at = ? where ticket_id = ? and commitment = ?",
        c.calendar(), c.target().toSeconds(), utc(c.startedAt()), c.pausedOpenTime().toSeconds(), utc(c.pausedAt()),
        utc(c.dueAt()), c.state().name(), utc(c.metAt()), c.ticketId(), c.commitment().name());
  }

  private void insert(SlaClock c, Integer taskPriority) {
    jdbc.update("insert into tf_sla_clock (ticket_id, commitment, calendar, target_seconds, started_at, paused_open_seconds,"
            + " paused_at, due_at, state, met_at, task_priority) values (?,?,?,?,?,?,?,?,?,?,?)",
        c.ticketId(), c.commitment().name(), c.calendar(), c.target().toSeconds(), utc(c.startedAt()),
        c.pausedOpenTime().toSeconds(), utc(c.pausedAt()), utc(c.dueAt()), c.state().name(), utc(c.metAt()), taskPriority);
  }

  public void record(String ticketId, Commitment commitment, SlaEventType event, Integer level, Instant at) {
    outcomes.event(ticketId, commitment, event);
    jdbc.update("insert into tf_sla_event (ticket_id, commitment, event, level, at_time) values (?,?,?,?,?)",
        ticketId, commitment.name(), event.name(), level, utc(at));
  }

  public List<Event> events(String ticketId) {
    return jdbc.query("select commitment, event, level, at_time from tf_sla_event where ticket_id = ? order by id",
        (rs, row) -> new Event(Commitment.valueOf(rs.getString(1)), SlaEventType.valueOf(rs.getString(2)),
            (Integer) rs.getObject(3), instant(rs, "at_time")), ticketId);
  }

  /** The clock's finished pauses, each as its start and end, from its PAUSED and RESUMED events. */
  public List<Instant[]> pauses(String ticketId, Commitment commitment) {
    List<Instant[]> pauses = new ArrayList<>();
    Instant pausedAt = null;
    for (Event e : events(ticketId)) {
      if (e.commitment() != commitment) {
        continue;
      }
      if (e.event() == SlaEventType.PAUSED) {
        pausedAt = e.at();
      } else if (e.event() == SlaEventType.RESUMED && pausedAt != null) {
        pauses.add(new Instant[] {pausedAt, e.at()});
        pausedAt = null;
      }
    }
    return pauses;
  }

  public boolean happened(String ticketId, Commitment commitment, SlaEventType event) {
    Integer count = jdbc.queryForObject("select count(*) from tf_sla_event where ticket_id = ? and commitment = ? and event = ?",
        Integer.class, ticketId, commitment.name(), event.name());
    return count != null && count > 0;
  }

  /** The worst state the commitment reached before it paused or was met: breached, at risk, or running. */
  SlaState reachedState(String ticketId, Commitment commitment) {
    if (happened(ticketId, commitment, SlaEventType.BREACHED)) {
      return SlaState.BREACHED;
    }
    return happened(ticketId, commitment, SlaEventType.AT_RISK) ? SlaState.AT_RISK : SlaState.RUNNING;
  }

  private SlaClock map(ResultSet rs, int row) throws SQLException {
    Integer taskPriority = rs.getObject("task_priority", Integer.class);
    if (taskPriority != null) {
      memo().put(rs.getString("ticket_id"), taskPriority);
    }
    return new SlaClock(rs.getString("ticket_id"), Commitment.valueOf(rs.getString("commitment")), rs.getString("calendar"),
        Duration.ofSeconds(rs.getLong("target_seconds")), instant(rs, "started_at"),
        Duration.ofSeconds(rs.getLong("paused_open_seconds")), instant(rs, "paused_at"), instant(rs, "due_at"),
        SlaState.valueOf(rs.getString("state")), instant(rs, "met_at"));
  }

  /** Task priorities by ticket, as this transaction read or wrote them; outside one, nothing is kept. */
  private Map<String, Integer> memo() {
    return TransactionMemo.of(priorities);
  }

  /** The ticket's clocks as this transaction read or wrote them, by ticket and commitment; empty when it has none. */
  private Map<String, Optional<SlaClock>> known() {
    return TransactionMemo.of(clocks);
  }

  private static String key(String ticketId, Commitment commitment) {
    return ticketId + ' ' + commitment.name();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
