package ticketflow.assignment;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Each queue's assignment mode and turn, and the agents' availability, in ticketflow's own tables. */
@Repository
class QueueAssignments {

  /** A queue's rule as read under its row lock: the mode and who got its last task. */
  record Turn(AssignmentMode mode, String lastAssignee) {
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  QueueAssignments(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The queue's mode; a queue without a row is manual. */
  AssignmentMode mode(String queue) {
    return jdbc.query("select mode from tf_queue_assignment where queue = ?", (rs, row) -> AssignmentMode.valueOf(rs.getString(1)),
        queue).stream().findFirst().orElse(AssignmentMode.MANUAL);
  }

  void setMode(String queue, AssignmentMode mode) {
    int updated = jdbc.update("update tf_queue_assignment set mode = ?, updated_at = ? where queue = ?", mode.name(), now(), queue);
    if (updated == 0) {
      jdbc.update("insert into tf_queue_assignment (queue, mode, updated_at) values (?,?,?)", queue, mode.name(), now());
    }
  }

  /**
   * Locks the queue's row for the rest of the transaction: tasks of one queue created at once (on any node) are
   * assigned one after the other, each seeing the tasks and the turn the one before it left.
   */
  Optional<Turn> lockTurn(String queue) {
    return jdbc.query("select mode, last_assignee from tf_queue_assignment where queue = ? for update",
        (rs, row) -> new Turn(AssignmentMode.valueOf(rs.getString(1)), rs.getString(2)), queue).stream().findFirst();
  }

  void recordTurn(String queue, String assignee) {
    jdbc.update("update tf_queue_assignment set last_assignee = ? where queue = ?", assignee, queue);
  }

  /** Those of {@code userIds} who said they are available; nobody else is. */
  Set<String> available(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    String marks = userIds.stream().map(u -> "?").collect(Collectors.joining(","));
    List<String> found = jdbc.queryForList("select user_id from tf_agent_availability where available = true and user_id in ("
        + marks + ")", String.class, userIds.toArray());
    return Set.copyOf(found);
  }

  boolean isAvailable(String userId) {
    return !available(List.of(userId)).isEmpty();
  }

  void setAvailable(String userId, boolean available) {
    if (jdbc.update("update tf_agent_availability set available = ?, updated_at = ? where user_id = ?", available, now(), userId) > 0) {
      return;
    }
    try {
      jdbc.update("insert into tf_agent_availability (user_id, available, updated_at) values (?,?,?)", userId, available, now());
    } catch (DuplicateKeyException concurrentlyInserted) {
      jdbc.update("update tf_agent_availability set available = ?, updated_at = ? where user_id = ?", available, now(), userId);
    }
  }

  private java.time.OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
