package ticketflow.ticket;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The knowledge-base articles a deflected ticket was answered with, in the order given. */
@Repository
public class Suggestions {

  private final JdbcTemplate jdbc;

  Suggestions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String ticketId, List<String> articleIds) {
    for (int i = 0; i < articleIds.size(); i++) {
      jdbc.update("insert into tf_ticket_suggestion (ticket_id, position, article_id) values (?,?,?)", ticketId, i, articleIds.get(i));
    }
  }

  List<TicketView.Suggestion> of(String ticketId) {
    return jdbc.query("select a.id, a.title, a.summary, a.url from tf_ticket_suggestion s join tf_kb_article a on a.id = s.article_id"
            + " where s.ticket_id = ? order by s.position",
        (rs, row) -> new TicketView.Suggestion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), ticketId);
  }
}
