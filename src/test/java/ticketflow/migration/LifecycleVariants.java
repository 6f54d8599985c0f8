package ticketflow.migration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import ticketflow.process.ModelContract;
import ticketflow.sla.SlaTimerMeanings;

/**
 * New versions of the shipped lifecycle, made as a designer would in Modeler: renamed tasks, renamed SLA timers, a
 * step added, an activity removed. Deployed with the shipped forms, as the README tells designers to.
 */
final class LifecycleVariants {

  static final Path MODEL = Path.of("bpmn", "ticket-lifecycle.bpmn");
  static final List<String> FORMS = List.of("first-response.form", "work-ticket.form", "investigate-issue.form");
  /** The step the renamed version adds on the way to the customer's verdict on a proposed solution. */
  static final String ADDED_STEP = "SolutionOnRecord";

  private LifecycleVariants() {
  }

  static BpmnModelInstance shipped() {
    return Bpmn.readModelFromFile(MODEL.toFile());
  }

  /** Task names changed, every SLA timer given another id, and a step before the customer's verdict. */
  static BpmnModelInstance renamed() {
    BpmnModelInstance model = shipped();
    model.<UserTask>getModelElementById(ModelContract.AgentTask.FIRST_RESPONSE.key()).setName("Answer the customer");
    model.<UserTask>getModelElementById(ModelContract.AgentTask.WORK_TICKET.key()).setName("Work the ticket");
    SlaTimerMeanings.of(model).values().forEach(id -> model.<BaseElement>getModelElementById(id).setId(id + "Renamed"));
    FlowNode verdict = model.getModelElementById("AwaitFeedback");
    IntermediateThrowEvent step = model.newInstance(IntermediateThrowEvent.class);
    step.setId(ADDED_STEP);
    step.setName("Solution on record");
    model.<Process>getModelElementById(ModelContract.PROCESS).addChildElement(step);
    for (SequenceFlow incoming : List.copyOf(verdict.getIncoming())) {
      incoming.setTarget(step);
      verdict.getIncoming().remove(incoming);
      step.getIncoming().add(incoming);
    }
    SequenceFlow onward = model.newInstance(SequenceFlow.class);
    onward.setId(ADDED_STEP + "Done");
    model.<Process>getModelElementById(ModelContract.PROCESS).addChildElement(onward);
    onward.setSource(step);
    onward.setTarget(verdict);
    step.getOutgoing().add(onward);
    verdict.getIncoming().add(onward);
    return model;
  }

  /** The customer's verdict awaited under another id: to a migration, the activity a ticket waits in is gone. */
  static BpmnModelInstance withoutTheVerdictGateway() {
    BpmnModelInstance model = shipped();
    model.<BaseElement>getModelElementById("AwaitFeedback").setId("AwaitVerdict");
    return model;
  }

  /** Deploys the model with the shipped forms; the version it became. */
  static ProcessDefinition deploy(RepositoryService repository, String name, BpmnModelInstance model) throws IOException {
    return deploy(repository, name, model, Map.of());
  }

  /** Deploys the model with the shipped forms, each text replacement made in every form. */
  static ProcessDefinition deploy(RepositoryService repository, String name, BpmnModelInstance model,
      Map<String, String> formEdits) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name(name)
        .addModelInstance(MODEL.getFileName().toString(), model);
    for (String form : FORMS) {
      String text = Files.readString(Path.of("forms", form));
      for (Map.Entry<String, String> edit : formEdits.entrySet()) {
        text = text.replace(edit.getKey(), edit.getValue());
      }
      deployment.addInputStream(form, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
    String deploymentId = deployment.deploy().getId();
    return repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
  }

  static Map<String, String> timerMeanings(BpmnModelInstance model) {
    return SlaTimerMeanings.of(model);
  }
}
