package ticketflow.process;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A ticket's running lifecycle instances, by its id (the business key). Camunda's instance query always adds
 * {@code PARENT_ID_ is null}, and H2 prefers that index to the business key's or the instance id's: every lookup went
 * through all running instances, and an escalating SLA timer, which looks the instance up, fired 15 times a second at
 * 100,000 open tickets. Here the business key's index finds them.
 */
@Component
public class LifecycleInstances {

  /** A running instance of the lifecycle: its id and the id of the version it runs. */
  public record Instance(String id, String definitionId) {
  }

  private final JdbcTemplate jdbc;

  LifecycleInstances(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Instance> of(String ticketId) {
    // A process instance is the execution that is its own instance (ID_ = PROC_INST_ID_); no index on that either.
    return jdbc.query("select ID_, PROC_DEF_ID_ from ACT_RU_EXECUTION where BUSINESS_KEY_ = ? and ID_ = PROC_INST_ID_",
            (rs, row) -> new Instance(rs.getString(1), rs.getString(2)), ticketId).stream()
        .filter(instance -> ModelContract.isLifecycle(instance.definitionId())).toList();
  }
}
