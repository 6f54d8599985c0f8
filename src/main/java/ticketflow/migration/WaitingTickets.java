package ticketflow.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Component;

/**
 * The open tickets of a version, each sorted into movable or blocked by a plan: a ticket is blocked when it waits
 * in an activity (a task, a timer, a gateway) the plan cannot map, since Camunda would have to drop that wait state.
 */
@Component
class WaitingTickets {

  private final RuntimeService runtime;

  WaitingTickets(RuntimeService runtime) {
    this.runtime = runtime;
  }

  record Blocked(String ticketId, String activity, String reason) {
  }

  record Sorted(int tickets, List<String> movable, List<Blocked> blocked) {
  }

  Sorted sort(ProcessDefinition from, MigrationPlanner.Planned planned) {
    List<String> movable = new ArrayList<>();
    List<Blocked> blocked = new ArrayList<>();
    List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(from.getId())
        .orderByBusinessKey().asc().list();
    for (ProcessInstance instance : instances) {
      ActivityInstance tree = runtime.getActivityInstance(instance.getId());
      Optional<String> stuck = tree == null ? Optional.empty() : firstUnmapped(tree, planned);
      if (stuck.isPresent()) {
        blocked.add(new Blocked(instance.getBusinessKey(), stuck.get(), planned.unmapped().getOrDefault(stuck.get(),
            "no activity of the new version to move it to")));
      } else if (tree != null) {
        movable.add(instance.getId());
      }
    }
    return new Sorted(instances.size(), movable, blocked);
  }

  private static Optional<String> firstUnmapped(ActivityInstance scope, MigrationPlanner.Planned planned) {
    for (TransitionInstance transition : scope.getChildTransitionInstances()) {
      if (!planned.maps(transition.getActivityId())) {
        return Optional.of(transition.getActivityId());
      }
    }
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      if (!planned.maps(child.getActivityId())) {
        return Optional.of(child.getActivityId());
      }
      Optional<String> inside = firstUnmapped(child, planned);
      if (inside.isPresent()) {
        return inside;
      }
    }
    return Optional.empty();
  }
}
