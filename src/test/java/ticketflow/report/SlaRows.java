package ticketflow.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Tickets with known SLA outcomes written straight into ticketflow's tables (no process instance): the report reads
 * only these tables, so its figures over them are known exactly. Batched, for the report benchmark's 100,000 tickets
 * as much as for a test's handful. Call {@link #flush()} at the end. As the application does (V19), first-response and
 * resolution clocks, update events and scores are copied onto the ticket's row, where the report reads them.
 */
public final class SlaRows implements AutoCloseable {

  private final PreparedStatement tickets;
  private final PreparedStatement clocks;
  private final PreparedStatement events;
  private final PreparedStatement scores;
  private final PreparedStatement firstResponse;
  private final PreparedStatement resolution;
  private final PreparedStatement updatesMet;
  private final PreparedStatement updatesMissed;
  private final PreparedStatement score;
  private int pending;

  public SlaRows(Connection connection) throws SQLException {
    tickets = connection.prepareStatement("insert into tf_ticket (id, account_id, requester_email, category, impact, workaround,"
        + " subject, description, status, priority, requested_channel, channel, queue, created_by, created_at, closed_at)"
        + " values (?, 'acme-pro', 'owner@acme-pro.example', 'TECHNICAL', 'FEATURE_ISSUE', 'NONE', ?, 'Seeded for the SLA report',"
        + " ?, ?, 'WEB', 'WEB', ?, 'portal', ?, ?)");
    clocks = connection.prepareStatement("insert into tf_sla_clock (ticket_id, commitment, calendar, target_seconds, started_at,"
        + " due_at, state, met_at) values (?, ?, '24x7', 3600, ?, ?, ?, ?)");
    events = connection.prepareStatement("insert into tf_sla_event (ticket_id, commitment, event, at_time) values (?, ?, ?, ?)");
    scores = connection.prepareStatement("insert into tf_satisfaction (ticket_id, score, given_by, given_at) values (?, ?, 'portal', ?)");
    firstResponse = connection.prepareStatement(outcome("fr"));
    resolution = connection.prepareStatement(outcome("res"));
    updatesMet = connection.prepareStatement("update tf_ticket set updates_met = updates_met + 1 where id = ?");
    updatesMissed = connection.prepareStatement("update tf_ticket set updates_missed = updates_missed + 1 where id = ?");
    score = connection.prepareStatement("update tf_ticket set satisfaction_score = ? where id = ?");
  }

  /** A ticket; {@code closedAt} null for an open one (status IN_PROGRESS), otherwise it is CLOSED. */
  public SlaRows ticket(String id, String queue, String priority, Instant createdAt, Instant closedAt) throws SQLException {
    tickets.setString(1, id);
    tickets.setString(2, "Seeded " + id);
    tickets.setString(3, closedAt == null ? "IN_PROGRESS" : "CLOSED");
    tickets.setString(4, priority);
    tickets.setString(5, queue);
    tickets.setObject(6, utc(createdAt));
    tickets.setObject(7, closedAt == null ? null : utc(closedAt), Types.TIMESTAMP_WITH_TIMEZONE);
    tickets.addBatch();
    return counted();
  }

  /** A clock: MET at {@code metAt} (late when after {@code dueAt}), or BREACHED, RUNNING, AT_RISK when metAt is null. */
  public SlaRows clock(String id, String commitment, Instant startedAt, Instant dueAt, String state, Instant metAt) throws SQLException {
    clocks.setString(1, id);
    clocks.setString(2, commitment);
    clocks.setObject(3, utc(startedAt));
    clocks.setObject(4, dueAt == null ? null : utc(dueAt), Types.TIMESTAMP_WITH_TIMEZONE);
    clocks.setString(5, state);
    clocks.setObject(6, metAt == null ? null : utc(metAt), Types.TIMESTAMP_WITH_TIMEZONE);
    clocks.addBatch();
    PreparedStatement outcome = "FIRST_RESPONSE".equals(commitment) ? firstResponse : "RESOLUTION".equals(commitment) ? resolution : null;
    if (outcome != null) {
      boolean met = "MET".equals(state) && metAt != null;
      outcome.setInt(1, "MET".equals(state) || "BREACHED".equals(state) ? 1 : 0);
      outcome.setInt(2, met && dueAt != null && !metAt.isAfter(dueAt) ? 1 : 0);
      outcome.setBoolean(3, met);
      outcome.setObject(4, metAt == null ? null : utc(metAt), Types.TIMESTAMP_WITH_TIMEZONE);
      outcome.setString(5, id);
      outcome.addBatch();
    }
    return counted();
  }

  public SlaRows event(String id, String commitment, String event, Instant at) throws SQLException {
    events.setString(1, id);
    events.setString(2, commitment);
    events.setString(3, event);
    events.setObject(4, utc(at));
    events.addBatch();
    if ("UPDATE".equals(commitment) && ("MET".equals(event) || "BREACHED".equals(event))) {
      PreparedStatement updates = "MET".equals(event) ? updatesMet : updatesMissed;
      updates.setString(1, id);
      updates.addBatch();
    }
    return counted();
  }

  public SlaRows score(String id, int value, Instant at) throws SQLException {
    scores.setString(1, id);
    scores.setInt(2, value);
    scores.setObject(3, utc(at));
    scores.addBatch();
    score.setInt(1, value);
    score.setString(2, id);
    score.addBatch();
    return counted();
  }

  /** Writes what is batched; tickets first, as the others refer to them. */
  public void flush() throws SQLException {
    tickets.executeBatch();
    clocks.executeBatch();
    events.executeBatch();
    scores.executeBatch();
    for (PreparedStatement outcome : outcomes()) {
      outcome.executeBatch();
    }
    pending = 0;
  }

  @Override
  public void close() throws SQLException {
    flush();
    tickets.close();
    clocks.close();
    events.close();
    scores.close();
    for (PreparedStatement outcome : outcomes()) {
      outcome.close();
    }
  }

  /** The first-response or resolution outcome copied onto the ticket, as SlaOutcomes writes it. */
  private static String outcome(String prefix) {
    return "update tf_ticket set " + prefix + "_decided = ?, " + prefix + "_in_time = ?, " + prefix + "_seconds = case when ?"
        + " then floor(extract(epoch from cast(? as timestamp with time zone)) - extract(epoch from created_at)) end where id = ?";
  }

  private PreparedStatement[] outcomes() {
    return new PreparedStatement[] {firstResponse, resolution, updatesMet, updatesMissed, score};
  }

  private SlaRows counted() throws SQLException {
    if (++pending >= 5000) {
      flush();
    }
    return this;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
