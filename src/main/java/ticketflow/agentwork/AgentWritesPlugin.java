package ticketflow.agentwork;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Agents change a ticket only through its rules: the engine's task and form services are replaced, before the engine
 * is built, by ones that keep {@link TaskVariablesPolicy} on every door (engine REST, Tasklist's REST, the Java API).
 */
@Component
class AgentWritesPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskWriteGuard guard = new TaskWriteGuard();
    configuration.setTaskService(new GuardedTaskService(guard));
    configuration.setFormService(new GuardedFormService(guard));
  }
}
