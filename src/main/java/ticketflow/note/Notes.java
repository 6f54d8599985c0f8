package ticketflow.note;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ticketflow.process.ProcessVariables;
import ticketflow.ticket.StaffNotes;
import ticketflow.ticket.TicketAnonymised;
import ticketflow.ticket.TicketThreadChanged;
import ticketflow.ticket.TicketView;

/**
 * Internal notes staff leave on a ticket for colleagues. They reach staff only: the ticket's view for staff, the task
 * forms and the timeline; never an intake client's view and never a mail (mails are written from the conversation).
 */
@Repository
public class Notes implements StaffNotes {

  public static final int MAX_BODY = 20_000;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Notes(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
  }

  /** Records the note in the caller's transaction. */
  public void add(String ticketId, String author, NoteSource source, String body) {
    jdbc.update("insert into tf_note (ticket_id, author, source, body, created_at) values (?,?,?,?,?)", ticketId, author,
        source.name(), body, clock.instant().atOffset(ZoneOffset.UTC));
  }

  /** Notes may quote the customer: their bodies go with the ticket's personal data; who wrote them and when stay. */
  @EventListener
  void anonymised(TicketAnonymised anonymised) {
    jdbc.update("update tf_note set body = ? where ticket_id = ?", TicketAnonymised.REPLACEMENT, anonymised.ticketId());
  }

  /** Keeps the notes shown in the ticket's open task forms current after a note written outside a task. */
  void showInOpenTasks(String ticketId) {
    events.publishEvent(new TicketThreadChanged(ticketId));
  }

  @Override
  public List<TicketView.Note> newestFirst(String ticketId) {
    return jdbc.query("select author, source, body, created_at from tf_note where ticket_id = ? order by id desc",
        Notes::map, ticketId);
  }

  /** The notes as text for a task form, newest first, as many as fit the form's variable. */
  public String asThread(String ticketId) {
    List<String> entries = new ArrayList<>();
    int length = 0;
    List<TicketView.Note> notes = newestFirst(ticketId);
    for (int i = 0; i < notes.size(); i++) {
      TicketView.Note n = notes.get(i);
      String entry = ProcessVariables.forDisplay("[" + DateTimeFormatter.ISO_INSTANT.format(n.at()) + "] " + n.author() + ":\n"
          + n.body() + "\n");
      if (length + entry.length() > ProcessVariables.DISPLAY_LIMIT) {
        entries.add("… " + (notes.size() - i) + " older note(s) in GET /api/tickets/" + ticketId + "\n");
        break;
      }
      entries.add(entry);
      length += entry.length();
    }
    return entries.isEmpty() ? "(no notes yet)" : String.join("\n", entries);
  }

  private static TicketView.Note map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime at = rs.getObject("created_at", OffsetDateTime.class);
    return new TicketView.Note(rs.getString("author"), rs.getString("body"), rs.getString("source"), at.toInstant());
  }
}
