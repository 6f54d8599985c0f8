package ticketflow.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every priority change of a ticket with its reason, who made it and when: recorded in the changing transaction. */
@Repository
class PriorityHistory {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  PriorityHistory(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener
  void changed(PriorityChanged changed) {
    jdbc.update("insert into tf_priority_change (ticket_id, from_priority, to_priority, reason, changed_by, at_time)"
            + " values (?,?,?,?,?,?)", changed.ticketId(), changed.from() == null ? null : changed.from().name(), changed.to().name(),
        changed.reason(), changed.by(), TicketRepository.utc(clock.instant()));
  }

  List<TicketView.PriorityChange> of(String ticketId) {
    return jdbc.query("select from_priority, to_priority, reason, changed_by, at_time from tf_priority_change"
        + " where ticket_id = ? order by id", PriorityHistory::map, ticketId);
  }

  private static TicketView.PriorityChange map(ResultSet rs, int row) throws SQLException {
    String from = rs.getString("from_priority");
    return new TicketView.PriorityChange(from == null ? null : Priority.valueOf(from), Priority.valueOf(rs.getString("to_priority")),
        rs.getString("reason"), rs.getString("changed_by"), TicketRepository.instant(rs, "at_time"));
  }
}
