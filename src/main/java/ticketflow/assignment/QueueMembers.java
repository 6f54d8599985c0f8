package ticketflow.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;

/** A queue's members (the engine group of the same name) and the open tasks each holds, from the engine. */
final class QueueMembers {

  private final IdentityService identity;
  private final TaskService tasks;

  QueueMembers(IdentityService identity, TaskService tasks) {
    this.identity = identity;
    this.tasks = tasks;
  }

  List<String> of(String queue) {
    return identity.createUserQuery().memberOfGroup(queue).list().stream().map(User::getId).sorted().toList();
  }

  boolean exists(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }

  /** Open tasks assigned to each agent, whatever process or queue they belong to: the agent's load. */
  Map<String, Long> openTasks(List<String> agents) {
    Map<String, Long> load = new LinkedHashMap<>();
    agents.forEach(agent -> load.put(agent, tasks.createTaskQuery().taskAssignee(agent).count()));
    return load;
  }
}
