package ticketflow.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts {@link PassingStepsHistory} in the place of the engine's own history writer, unless
 * {@code ticketflow.history.passing-steps} asks to record every step (Cockpit heat maps of gateways and decisions).
 */
@Component
class PassingStepsHistoryPlugin extends AbstractProcessEnginePlugin {

  private final boolean recordPassingSteps;

  PassingStepsHistoryPlugin(@Value("${ticketflow.history.passing-steps:false}") boolean recordPassingSteps) {
    this.recordPassingSteps = recordPassingSteps;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (recordPassingSteps) {
      return;
    }
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    // First, as the default writer would be: handlers after it see the rows it wrote.
    configuration.getCustomHistoryEventHandlers().add(0, new PassingStepsHistory());
  }
}
