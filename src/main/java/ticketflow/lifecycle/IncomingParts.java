package ticketflow.lifecycle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import ticketflow.process.ModelContract;
import ticketflow.process.ModelForm;

/**
 * What a new deployment brings of the ticket lifecycle: the model, tables holding one of its decisions, and forms.
 * Anything else (other processes, unreadable files) is left to Camunda, which refuses what it cannot parse itself.
 */
final class IncomingParts {

  private static final Set<String> DECISION_IDS =
      Arrays.stream(ModelContract.Decision.values()).map(ModelContract.Decision::id).collect(Collectors.toUnmodifiableSet());

  private String modelResource;
  private BpmnModelInstance model;
  private final Map<String, DmnModelInstance> tables = new LinkedHashMap<>();
  private final Map<String, ModelForm> forms = new LinkedHashMap<>();

  private IncomingParts() {
  }

  static IncomingParts of(Collection<ResourceEntity> resources) {
    IncomingParts parts = new IncomingParts();
    for (ResourceEntity resource : resources) {
      String name = resource.getName();
      try {
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
          BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
          if (model.getModelElementById(ModelContract.PROCESS) instanceof Process) {
            parts.modelResource = name;
            parts.model = model;
          }
        } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
          DmnModelInstance table = Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
          if (table.getModelElementsByType(Decision.class).stream().anyMatch(d -> DECISION_IDS.contains(d.getId()))) {
            parts.tables.put(name, table);
          }
        } else if (name.endsWith(".form")) {
          parts.forms.put(name, ModelForm.read(new ByteArrayInputStream(resource.getBytes())));
        }
      } catch (ModelException | IOException e) {
        // Unreadable: Camunda's deployer for that kind refuses it with its own message.
      }
    }
    return parts;
  }

  /** The ticket-lifecycle model, or null when the deployment does not bring it. */
  BpmnModelInstance model() {
    return model;
  }

  Collection<DmnModelInstance> tables() {
    return tables.values();
  }

  Collection<ModelForm> forms() {
    return forms.values();
  }

  boolean bringsDecision(String decisionId) {
    return tables.values().stream().anyMatch(t -> t.getModelElementById(decisionId) instanceof Decision);
  }

  boolean isEmpty() {
    return model == null && tables.isEmpty() && forms.isEmpty();
  }

  /** The file a refusal is reported against: the model, else the first table, else the first form. */
  String mainResource() {
    List<String> names = new ArrayList<>();
    if (modelResource != null) {
      names.add(modelResource);
    }
    names.addAll(tables.keySet());
    names.addAll(forms.keySet());
    return names.isEmpty() ? null : names.get(0);
  }
}
