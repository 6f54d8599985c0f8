package ticketflow.ticket;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import ticketflow.process.ProcessVariables;

/** The messages exchanged with the customer about a ticket, oldest first. */
@Repository
public class Conversation {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Conversation(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Message add(String ticketId, Author author, String body) {
    return add(ticketId, author, body, null);
  }

  /** A message with who wrote it (the agent of a reply), which staff see in the ticket's timeline. */
  public Message add(String ticketId, Author author, String body, String writtenBy) {
    Message message = new Message(author, body, clock.instant());
    jdbc.update("insert into tf_message (ticket_id, author, body, created_at, written_by) values (?,?,?,?,?)",
        ticketId, author.name(), body, TicketRepository.utc(message.at()), writtenBy);
    return message;
  }

  /** A message and who wrote it, where known. */
  public record Written(Message message, String by) {
  }

  /** The messages with their writers, oldest first: for staff only (the customer's view names no agent). */
  public List<Written> withWriters(String ticketId) {
    return jdbc.query("select author, body, created_at, written_by from tf_message where ticket_id = ? order by id",
        (rs, row) -> new Written(new Message(Author.valueOf(rs.getString("author")), rs.getString("body"),
            TicketRepository.instant(rs, "created_at")), rs.getString("written_by")), ticketId);
  }

  public List<Message> of(String ticketId) {
    return jdbc.query("select author, body, created_at from tf_message where ticket_id = ? order by id",
        (rs, row) -> new Message(Author.valueOf(rs.getString("author")), rs.getString("body"),
            TicketRepository.instant(rs, "created_at")), ticketId);
  }

  /** The conversation as a thread of text for a Tasklist form: the newest messages that fit the variable. */
  public String asThread(String ticketId) {
    List<String> entries = new ArrayList<>();
    int length = 0;
    List<Message> messages = of(ticketId);
    for (int i = messages.size() - 1; i >= 0; i--) {
      Message m = messages.get(i);
      String entry = "[" + DateTimeFormatter.ISO_INSTANT.format(m.at()) + "] " + m.author() + ":\n" + m.body() + "\n";
      if (entries.isEmpty() && entry.length() > ProcessVariables.DISPLAY_LIMIT) {
        entry = ProcessVariables.forDisplay(entry);
      }
      if (length + entry.length() > ProcessVariables.DISPLAY_LIMIT) {
        entries.add("… " + (i + 1) + " earlier message(s) in GET /api/tickets/" + ticketId + "\n");
        break;
      }
      entries.add(entry);
      length += entry.length();
    }
    Collections.reverse(entries);
    return entries.isEmpty() ? "(no messages yet)" : String.join("\n", entries);
  }
}
