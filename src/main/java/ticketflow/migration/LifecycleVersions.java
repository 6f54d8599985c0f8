package ticketflow.migration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract;

/** The deployed versions of the ticket lifecycle, newest first, with how many tickets run on each. */
@Component
class LifecycleVersions {

  private final RepositoryService repository;
  private final RuntimeService runtime;

  LifecycleVersions(RepositoryService repository, RuntimeService runtime) {
    this.repository = repository;
    this.runtime = runtime;
  }

  List<LifecycleVersion> all() {
    List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
        .processDefinitionKey(ModelContract.PROCESS).orderByProcessDefinitionVersion().desc().list();
    if (definitions.isEmpty()) {
      return List.of();
    }
    Map<String, Deployment> deployments = definitions.stream().map(ProcessDefinition::getDeploymentId).distinct()
        .collect(Collectors.toMap(Function.identity(), id -> repository.createDeploymentQuery().deploymentId(id).singleResult()));
    int latest = definitions.get(0).getVersion();
    return definitions.stream().map(definition -> new LifecycleVersion(definition.getVersion(),
        deployments.get(definition.getDeploymentId()).getDeploymentTime().toInstant(),
        runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count(),
        definition.getVersion() == latest)).toList();
  }

  Optional<ProcessDefinition> version(long version) {
    if (version < 1 || version > Integer.MAX_VALUE) {
      return Optional.empty();
    }
    return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(ModelContract.PROCESS)
        .processDefinitionVersion((int) version).singleResult());
  }

  ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(ModelContract.PROCESS).latestVersion()
        .singleResult();
  }
}
