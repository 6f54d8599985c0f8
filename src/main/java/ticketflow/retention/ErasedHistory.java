package ticketflow.retention;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ticketflow.ticket.TicketAnonymised;

/**
 * The engine's history of an anonymised ticket keeps its path, times and who worked it, but task names carry the
 * ticket's subject for Tasklist ("First response · TF-1001 · Recording does not start"): they are cut back to task
 * and ticket. Camunda has no API to rename a finished task, hence SQL on its history table (same transaction).
 * Activity history keeps no variables; the running instance (variables, tasks, timers) is gone before this runs.
 */
@Component
class ErasedHistory {

  private static final String SEPARATOR = " · ";

  private final JdbcTemplate jdbc;

  ErasedHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void anonymised(TicketAnonymised anonymised) {
    String ticketId = anonymised.ticketId();
    List<String[]> named = jdbc.query("select t.ID_, t.NAME_ from ACT_HI_TASKINST t join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_"
        + " where p.BUSINESS_KEY_ = ?", (rs, row) -> new String[] {rs.getString(1), rs.getString(2)}, ticketId);
    for (String[] task : named) {
      if (task[1] != null && task[1].contains(SEPARATOR)) {
        jdbc.update("update ACT_HI_TASKINST set NAME_ = ? where ID_ = ?",
            task[1].substring(0, task[1].indexOf(SEPARATOR)) + SEPARATOR + ticketId, task[0]);
      }
    }
  }
}
