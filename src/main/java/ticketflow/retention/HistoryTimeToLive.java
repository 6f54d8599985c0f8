package ticketflow.retention;

import java.util.ArrayList;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine keeps a ticket's history as long as ticketflow keeps its personal data: every process and decision
 * definition gets {@code ticketflow.retention.closed-tickets} (in days) as its history time-to-live, whatever the model
 * file says, when deployed; definitions deployed before are brought in line at start-up. History cleanup removes a
 * ticket's history that long after it ended (the removal time is fixed when the instance ends).
 */
@Component
class HistoryTimeToLive extends AbstractProcessEnginePlugin {

  private final int days;

  HistoryTimeToLive(RetentionSettings settings) {
    this.days = settings.historyDays();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.setHistoryTimeToLive(days);
      }
    });
    if (configuration.getDmnEngineConfiguration() == null) {
      configuration.setDmnEngineConfiguration(new DefaultDmnEngineConfiguration());
    }
    configuration.getDmnEngineConfiguration().getTransformer().getTransformListeners().add(new DecisionTimeToLive());
  }

  /** Definitions deployed before this setting (or with another) follow it from now on. */
  @EventListener(ApplicationReadyEvent.class)
  void alignDeployedDefinitions(ApplicationReadyEvent ready) {
    RepositoryService repository = ready.getApplicationContext().getBean(RepositoryService.class);
    try {
      align(repository);
    } catch (OptimisticLockingException anotherNodeDidIt) {
      // Nodes starting together update the same definitions; one update is enough.
    }
  }

  private void align(RepositoryService repository) {
    repository.createProcessDefinitionQuery().list().stream().filter(d -> !Integer.valueOf(days).equals(d.getHistoryTimeToLive()))
        .forEach(d -> repository.updateProcessDefinitionHistoryTimeToLive(d.getId(), days));
    repository.createDecisionDefinitionQuery().list().stream().filter(d -> !Integer.valueOf(days).equals(d.getHistoryTimeToLive()))
        .forEach(d -> repository.updateDecisionDefinitionHistoryTimeToLive(d.getId(), days));
  }

  private class DecisionTimeToLive implements DmnTransformListener {

    @Override
    public void transformDecision(Decision element, DmnDecision decision) {
      if (decision instanceof DecisionDefinitionEntity definition) {
        definition.setHistoryTimeToLive(days);
      }
    }

    @Override
    public void transformDecisionTableInput(Input element, DmnDecisionTableInputImpl input) {
    }

    @Override
    public void transformDecisionTableOutput(Output element, DmnDecisionTableOutputImpl output) {
    }

    @Override
    public void transformDecisionTableRule(Rule element, DmnDecisionTableRuleImpl rule) {
    }

    @Override
    public void transformDecisionRequirementsGraph(Definitions element, DmnDecisionRequirementsGraph graph) {
    }
  }
}
