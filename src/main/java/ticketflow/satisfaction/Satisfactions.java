package ticketflow.satisfaction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ticketflow.ticket.SatisfactionScores;
import ticketflow.ticket.TicketView;

/** The customers' scores, one per ticket at most ({@code tf_satisfaction}'s primary key). */
@Repository
class Satisfactions implements SatisfactionScores {

  static final int MAX_COMMENT = 4000;

  private final JdbcTemplate jdbc;

  Satisfactions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void add(String ticketId, int score, String comment, String givenBy, Instant at) {
    jdbc.update("insert into tf_satisfaction (ticket_id, score, comment, given_by, given_at) values (?,?,?,?,?)", ticketId,
        score, comment, givenBy, at.atOffset(ZoneOffset.UTC));
  }

  @Override
  public Optional<TicketView.Satisfaction> of(String ticketId) {
    return jdbc.query("select score, comment, given_at from tf_satisfaction where ticket_id = ?",
        (rs, row) -> new TicketView.Satisfaction(rs.getInt(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class).toInstant()), ticketId).stream().findFirst();
  }
}
