package ticketflow.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ticketflow.calendar.SupportCalendars;
import ticketflow.process.ModelCheck;

/**
 * Puts {@link ModelContractDeployer} in front of Camunda's deployers, so every deployment of the lifecycle's parts
 * (start-up, engine REST, Modeler, Cockpit) is checked against the model contract before anything is stored.
 */
@Component
class ModelContractPlugin extends AbstractProcessEnginePlugin {

  private final ModelContractDeployer deployer;

  ModelContractPlugin(SupportCalendars calendars, ObjectProvider<ModelCheck> modelChecks) {
    // Other packages' checks are looked up per deployment: the engine (and this plugin) is built before they are.
    this.deployer = new ModelContractDeployer(new DecisionTableCheck(new DecisionAnswersPolicy(calendars)),
        () -> modelChecks.orderedStream().toList());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    deployers.add(deployer);
    configuration.setCustomPreDeployers(deployers);
  }
}
