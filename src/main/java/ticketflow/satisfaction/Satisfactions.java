package ticketflow.satisfaction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ticketflow.ticket.SatisfactionScores;
import ticketflow.ticket.TicketAnonymised;
import ticketflow.ticket.TicketView;

/** The customers' scores, one per ticket at most ({@code tf_satisfaction}'s primary key). */
@Repository
class Satisfactions implements SatisfactionScores {

  static final int MAX_COMMENT = 4000;

  private final JdbcTemplate jdbc;

  Satisfactions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Also copies the score onto the ticket's row, where the SLA report reads it (V19). */
  void add(String ticketId, int score, String comment, String givenBy, Instant at) {
    jdbc.update("update tf_ticket set satisfaction_score = ? where id = ?", score, ticketId);
    jdbc.update("insert into tf_satisfaction (ticket_id, score, comment, given_by, given_at) values (?,?,?,?,?)", ticketId,
        score, comment, givenBy, at.atOffset(ZoneOffset.UTC));
  }

  @Override
  public Optional<TicketView.Satisfaction> of(String ticketId) {
    return jdbc.query("select score, comment, given_at from tf_satisfaction where ticket_id = ?",
        (rs, row) -> new TicketView.Satisfaction(rs.getInt(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class).toInstant()), ticketId).stream().findFirst();
  }

  /** The customer's comment goes with the ticket's personal data, and so does their address where they gave the score. */
  @EventListener
  void anonymised(TicketAnonymised anonymised) {
    jdbc.update("update tf_satisfaction set comment = case when comment is null then null else ? end,"
        + " given_by = case when lower(given_by) = lower(?) then ? else given_by end where ticket_id = ?",
        TicketAnonymised.REPLACEMENT, anonymised.formerRequester(), TicketAnonymised.REPLACEMENT, anonymised.ticketId());
  }
}
