package ticketflow.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;
import ticketflow.channel.Channel;
import ticketflow.database.TransactionMemo;

/** Tickets in ticketflow's own table, on the engine's datasource and transaction. */
@Repository
public class TicketRepository {

  private static final String COLUMNS = "id, account_id, requester_email, category, impact, workaround, subject, description,"
      + " status, priority, requested_channel, channel, channel_reason, queue, escalation_level, created_by, created_at";

  private final JdbcTemplate jdbc;
  private final DataFieldMaxValueIncrementer ids;
  private final ApplicationEventPublisher events;

  TicketRepository(JdbcTemplate jdbc, DataSource dataSource, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
    this.ids = isPostgres(dataSource)
        ? new PostgresSequenceMaxValueIncrementer(dataSource, "tf_ticket_seq")
        : new H2SequenceMaxValueIncrementer(dataSource, "tf_ticket_seq");
  }

  public String nextId() {
    return "TF-" + ids.nextLongValue();
  }

  public void insert(Ticket t) {
    forget(t.id());
    jdbc.update("insert into tf_ticket (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        t.id(), t.accountId(), t.requesterEmail(), t.category().name(), t.impact().name(), t.workaround().name(),
        t.subject(), t.description(), t.status().name(), name(t.priority()), t.requestedChannel().name(),
        name(t.channel()), t.channelReason(), t.queue(), t.escalationLevel(), t.createdBy(), utc(t.createdAt()));
  }

  /** The ticket; read once per transaction, as intake and the forms ask for it at several steps. */
  public Optional<Ticket> find(String id) {
    return known().computeIfAbsent(id, key -> jdbc.query("select " + COLUMNS + " from tf_ticket where id = ?",
        TicketRepository::map, key).stream().findFirst());
  }

  /** The queue routing gave the ticket; empty before triage. Alone, as task creation asks it (no texts read). */
  public Optional<String> queueOf(String id) {
    return jdbc.queryForList("select queue from tf_ticket where id = ?", String.class, id).stream().filter(Objects::nonNull)
        .findFirst();
  }

  /** Locks the ticket row for the rest of the transaction, so concurrent changes to one ticket queue up. */
  public Optional<Ticket> findForUpdate(String id) {
    Optional<Ticket> locked = jdbc.query("select " + COLUMNS + " from tf_ticket where id = ? for update", TicketRepository::map, id)
        .stream().findFirst();
    known().put(id, locked);
    return locked;
  }

  public TicketPage page(TicketFilter filter, int page, int size) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (filter.status() != null) {
      where.append(" and status = ?");
      args.add(filter.status().name());
    }
    if (filter.queue() != null) {
      where.append(" and queue = ?");
      args.add(filter.queue());
    }
    if (filter.priority() != null) {
      where.append(" and priority = ?");
      args.add(filter.priority().name());
    }
    if (filter.createdBy() != null) {
      where.append(" and created_by = ?");
      args.add(filter.createdBy());
    }
    if (filter.queues() != null) {
      if (filter.queues().isEmpty()) {
        return new TicketPage(List.of(), page, size, 0);
      }
      where.append(" and queue in (").append(String.join(",", filter.queues().stream().map(q -> "?").toList())).append(")");
      args.addAll(filter.queues());
    }
    Long total = jdbc.queryForObject("select count(*) from tf_ticket" + where, Long.class, args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(size);
    pageArgs.add((long) page * size);
    List<Ticket> items = jdbc.query("select " + COLUMNS + " from tf_ticket" + where + " order by created_at desc, length(id) desc, id desc limit ? offset ?",
        TicketRepository::map, pageArgs.toArray());
    return new TicketPage(items, page, size, total == null ? 0 : total);
  }

  public void recordChannel(String id, Channel assigned, String reason) {
    forget(id);
    jdbc.update("update tf_ticket set channel = ?, channel_reason = ? where id = ?", assigned.name(), reason, id);
  }

  public void recordTriage(String id, Priority priority, String queue, TicketStatus status) {
    forget(id);
    jdbc.update("update tf_ticket set priority = ?, queue = ?, status = ? where id = ?", priority.name(), queue, status.name(), id);
  }

  /** A change (not the same status again) is published as {@link TicketStatusChanged}, for the ticket's timeline. */
  public void updateStatus(String id, TicketStatus status) {
    forget(id);
    if (jdbc.update("update tf_ticket set status = ? where id = ? and status <> ?", status.name(), id, status.name()) > 0) {
      events.publishEvent(new TicketStatusChanged(id, status));
    }
  }

  /** The ticket closed at {@code at}: a customer's message within the reopen window reopens it. */
  public void close(String id, Instant at) {
    forget(id);
    jdbc.update("update tf_ticket set status = ?, closed_at = ? where id = ?", TicketStatus.CLOSED.name(), utc(at), id);
  }

  /** When the ticket closed; empty while it is not closed (or closed before closing times were kept). */
  public Optional<Instant> closedAt(String id) {
    return jdbc.query("select closed_at from tf_ticket where id = ? and status = ?", (rs, row) -> instant(rs, "closed_at"),
        id, TicketStatus.CLOSED.name()).stream().filter(Objects::nonNull).findFirst();
  }

  /** A closed ticket is open again, for its queue. */
  void reopen(String id) {
    forget(id);
    jdbc.update("update tf_ticket set status = ?, closed_at = null where id = ?", TicketStatus.OPEN.name(), id);
  }

  /** Escalation only climbs: a level below the current one changes nothing. */
  public void raiseEscalationLevel(String id, int level) {
    forget(id);
    jdbc.update("update tf_ticket set escalation_level = ? where id = ? and escalation_level < ?", level, id, level);
  }

  public void updatePriority(String id, Priority priority) {
    forget(id);
    jdbc.update("update tf_ticket set priority = ? where id = ?", priority.name(), id);
  }

  private static Ticket map(ResultSet rs, int row) throws SQLException {
    return new Ticket(rs.getString("id"), rs.getString("account_id"), rs.getString("requester_email"),
        Category.valueOf(rs.getString("category")), Impact.valueOf(rs.getString("impact")),
        Workaround.valueOf(rs.getString("workaround")), rs.getString("subject"), rs.getString("description"),
        TicketStatus.valueOf(rs.getString("status")), enumOrNull(Priority.class, rs.getString("priority")),
        Channel.valueOf(rs.getString("requested_channel")), enumOrNull(Channel.class, rs.getString("channel")),
        rs.getString("channel_reason"), rs.getString("queue"), rs.getInt("escalation_level"), rs.getString("created_by"),
        instant(rs, "created_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell which database ticketflow runs on", e);
    }
  }

  /** The tickets this transaction read, by id; every write of a ticket forgets it (Anonymisation's too). */
  private static Map<String, Optional<Ticket>> known() {
    return TransactionMemo.of(MEMO);
  }

  static void forget(String id) {
    known().remove(id);
  }

  private static final Object MEMO = new Object();
}
