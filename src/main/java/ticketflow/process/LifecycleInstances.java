package ticketflow.process;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A ticket's running lifecycle instances, by its id (the business key). Camunda's instance query also asks for
 * {@code PARENT_ID_ is null}, and H2 preferred that index to the business key's: every lookup went through all
 * running instances, and an escalating SLA timer, which looks the instance up, fired 15 times a second at 100,000 open
 * tickets. Here the business key's index finds the ids, and the engine loads the instances by id.
 */
@Component
public class LifecycleInstances {

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;

  LifecycleInstances(JdbcTemplate jdbc, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.runtime = runtime;
  }

  public List<ProcessInstance> of(String ticketId) {
    // A process instance is the execution that is its own instance (ID_ = PROC_INST_ID_); no index on that either.
    List<String> ids = jdbc.queryForList("select ID_ from ACT_RU_EXECUTION where BUSINESS_KEY_ = ? and ID_ = PROC_INST_ID_",
        String.class, ticketId);
    return ids.stream().map(id -> runtime.createProcessInstanceQuery().processInstanceId(id).singleResult())
        .filter(instance -> instance != null && ModelContract.isLifecycle(instance.getProcessDefinitionId())).toList();
  }
}
