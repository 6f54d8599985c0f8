package ticketflow.migration;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.springframework.stereotype.Component;
import ticketflow.sla.SlaTimerMeanings;

/**
 * The migration plan between two versions of the lifecycle: every activity Camunda can migrate maps to the one with
 * the same id, an SLA timer a designer renamed maps to the timer declaring the same commitment and step, and message
 * events take the new version's trigger. Timers keep their job and so their due time (paused ones stay paused):
 * the SLA clock, not the migration, decides when a commitment falls due.
 */
@Component
class MigrationPlanner {

  private final RuntimeService runtime;
  private final RepositoryService repository;

  MigrationPlanner(RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
  }

  /** The plan, and for each source activity it could not map, why. */
  record Planned(MigrationPlan plan, Map<String, String> unmapped, Set<String> mapped) {
    Planned(MigrationPlan plan, Map<String, String> unmapped) {
      // Asked for every activity of every open ticket: a set, not a walk over the instructions.
      this(plan, unmapped, plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
          .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    boolean maps(String activityId) {
      return mapped.contains(activityId);
    }
  }

  Planned plan(ProcessDefinition from, ProcessDefinition to) {
    BpmnModelInstance source = repository.getBpmnModelInstance(from.getId());
    BpmnModelInstance target = repository.getBpmnModelInstance(to.getId());
    Map<String, String> pairs = new LinkedHashMap<>();
    runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build().getInstructions()
        .forEach(i -> pairs.put(i.getSourceActivityId(), i.getTargetActivityId()));
    Set<String> targetIds = ids(target);
    Map<String, String> targetTimers = SlaTimerMeanings.of(target);
    SlaTimerMeanings.of(source).forEach((meaning, timerId) -> {
      String renamed = targetTimers.get(meaning);
      if (!targetIds.contains(timerId) && renamed != null) {
        pairs.put(timerId, renamed);
      }
    });
    Map<String, String> unmapped = new LinkedHashMap<>();
    // A pair Camunda refuses (a boundary event whose task is gone, a changed event type) is dropped with its reason,
    // so that only the tickets waiting there are blocked, not the whole version.
    for (int round = 0; ; round++) {
      try {
        return new Planned(build(from, to, pairs, source), unmapped(source, pairs, to, unmapped));
      } catch (MigrationPlanValidationException refused) {
        List<MigrationInstructionValidationReport> reports = refused.getValidationReport().getInstructionReports();
        if (reports.isEmpty() || round > source.getModelElementsByType(FlowNode.class).size()) {
          throw refused;
        }
        for (MigrationInstructionValidationReport report : reports) {
          MigrationInstruction instruction = report.getMigrationInstruction();
          pairs.remove(instruction.getSourceActivityId());
          unmapped.put(instruction.getSourceActivityId(), String.join("; ", report.getFailures()));
        }
      }
    }
  }

  private MigrationPlan build(ProcessDefinition from, ProcessDefinition to, Map<String, String> pairs,
      BpmnModelInstance source) {
    MigrationPlanBuilder builder = runtime.createMigrationPlan(from.getId(), to.getId());
    for (Map.Entry<String, String> pair : pairs.entrySet()) {
      var instruction = builder.mapActivities(pair.getKey(), pair.getValue());
      builder = hasMessageTrigger(source, pair.getKey()) ? instruction.updateEventTrigger() : instruction;
    }
    return builder.build();
  }

  private static Map<String, String> unmapped(BpmnModelInstance source, Map<String, String> pairs, ProcessDefinition to,
      Map<String, String> refused) {
    Map<String, String> unmapped = new LinkedHashMap<>(refused);
    for (String id : ids(source)) {
      if (!pairs.containsKey(id)) {
        unmapped.putIfAbsent(id, "version " + to.getVersion() + " has no activity '" + id + "' to move it to");
      }
    }
    return unmapped;
  }

  private static boolean hasMessageTrigger(BpmnModelInstance model, String activityId) {
    return model.getModelElementById(activityId) instanceof CatchEvent event && event.getEventDefinitions().stream()
        .anyMatch(d -> d instanceof MessageEventDefinition || d instanceof SignalEventDefinition);
  }

  private static Set<String> ids(BpmnModelInstance model) {
    Set<String> ids = new HashSet<>();
    model.getModelElementsByType(FlowNode.class).forEach(node -> ids.add(node.getId()));
    return ids;
  }
}
