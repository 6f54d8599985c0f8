package ticketflow.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The copy of a ticket's SLA outcomes on its tf_ticket row that the SLA report reads in one index range (V19), as plain
 * numbers: of first response and resolution, 1 when decided (MET or BREACHED), 1 when met by the due time, and the whole
 * seconds from the ticket's creation to metAt of a met clock; update periods met and missed. Written by {@link SlaClocks}
 * in the transaction that writes the clock or event, before it, so that every transaction locks the ticket row before
 * its clocks, as those that lock the ticket first do.
 */
@Component
class SlaOutcomes {

  private final JdbcTemplate jdbc;

  SlaOutcomes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void clock(SlaClock c) {
    String prefix = switch (c.commitment()) {
      case FIRST_RESPONSE -> "fr";
      case RESOLUTION -> "res";
      default -> null;
    };
    if (prefix != null) {
      boolean met = c.state() == SlaState.MET && c.metAt() != null;
      boolean decided = c.state() == SlaState.MET || c.state() == SlaState.BREACHED;
      boolean inTime = met && c.dueAt() != null && !c.metAt().isAfter(c.dueAt());
      // Seconds as the report has always counted them: floor of the difference of the epochs, in the database.
      jdbc.update("update tf_ticket set " + prefix + "_decided = ?, " + prefix + "_in_time = ?, " + prefix + "_seconds ="
              + " case when ? then floor(extract(epoch from cast(? as timestamp with time zone)) - extract(epoch from created_at))"
              + " end where id = ?",
          decided ? 1 : 0, inTime ? 1 : 0, met, utc(c.metAt()), c.ticketId());
    }
  }

  /** An update period that ended: met when the agent's update went out in time, missed when it fell due first. */
  void event(String ticketId, Commitment commitment, SlaEventType event) {
    if (commitment == Commitment.UPDATE && (event == SlaEventType.MET || event == SlaEventType.BREACHED)) {
      String column = event == SlaEventType.MET ? "updates_met" : "updates_missed";
      jdbc.update("update tf_ticket set " + column + " = " + column + " + 1 where id = ?", ticketId);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
