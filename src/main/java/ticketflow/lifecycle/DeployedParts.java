package ticketflow.lifecycle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import ticketflow.process.ModelContract;
import ticketflow.process.ModelForm;

/**
 * The versions of the lifecycle's parts deployed before, read inside the deploying command: a deployment that
 * brings one part is checked with the others as tickets will meet them. Runs before Camunda's own deployers, so
 * "latest" is still the previous version.
 */
final class DeployedParts {

  private final CommandContext context;
  private ProcessDefinitionEntity process;
  private boolean processLooked;

  DeployedParts(CommandContext context) {
    this.context = context;
  }

  /** The latest ticket-lifecycle model, if one was deployed. */
  Optional<BpmnModelInstance> model() {
    return latestProcess().map(p -> Bpmn.readModelFromStream(stream(p.getDeploymentId(), p.getResourceName())));
  }

  /** The form of that key deployed together with the latest model, as a task bound by deployment finds it. */
  Optional<ModelForm> formBesideModel(String key) {
    return latestProcess()
        .map(p -> context.getCamundaFormDefinitionManager().findDefinitionByDeploymentAndKey(p.getDeploymentId(), key))
        .map(this::form);
  }

  /** The latest form of that key, as a task bound to the latest (or a given) version finds it. */
  Optional<ModelForm> latestForm(String key) {
    return Optional.ofNullable(context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key)).map(this::form);
  }

  /** The table holding the latest version of the decision, as business-rule tasks find it. */
  Optional<DmnModelInstance> latestTable(String decisionId) {
    DecisionDefinitionEntity decision = context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(decisionId);
    return Optional.ofNullable(decision).map(d -> Dmn.readModelFromStream(stream(d.getDeploymentId(), d.getResourceName())));
  }

  private Optional<ProcessDefinitionEntity> latestProcess() {
    if (!processLooked) {
      process = context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(ModelContract.PROCESS);
      processLooked = true;
    }
    return Optional.ofNullable(process);
  }

  private ModelForm form(CamundaFormDefinitionEntity definition) {
    try {
      return ModelForm.read(stream(definition.getDeploymentId(), definition.getResourceName()));
    } catch (IOException e) {
      throw new UncheckedIOException("Deployed form " + definition.getResourceName() + " cannot be read", e);
    }
  }

  private ByteArrayInputStream stream(String deploymentId, String resourceName) {
    ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(deploymentId, resourceName);
    return new ByteArrayInputStream(resource.getBytes());
  }
}
