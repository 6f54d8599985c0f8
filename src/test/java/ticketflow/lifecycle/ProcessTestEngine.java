package ticketflow.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;

/**
 * A standalone in-memory engine for the process tests: no Spring, no job executor, set like production where the
 * model can tell (history level activity, JSON for structured variables such as the commitments row).
 * Built in code, never from a camunda.cfg.xml, which ProcessEngines.getDefaultProcessEngine() would pick up for
 * the Spring tests' engine REST in the same JVM; its name is not "default", under which those tests' engine runs.
 */
final class ProcessTestEngine {

  /** The model's files on the classpath (pom.xml packages bpmn/ as the resource folder bpmn). */
  static final String LIFECYCLE = "bpmn/ticket-lifecycle.bpmn";
  static final String ENTITLEMENT = "bpmn/entitlement.dmn";
  static final String PRIORITY = "bpmn/priority.dmn";
  static final String QUEUE = "bpmn/queue.dmn";
  static final String COMMITMENTS = "bpmn/commitments.dmn";

  static final String PROCESS = "ticket-lifecycle";

  private ProcessTestEngine() {
  }

  /**
   * The extension for a process-test class, with the model files it needs deployed for the class. All such classes
   * of a test run share one engine, built once and closed when the run ends.
   */
  static ProcessEngineExtension withDeployment(String... resources) {
    return new SharedEngineExtension(resources);
  }

  /**
   * Deploys once for the class rather than per test as @Deployment does: each deployment parses the model and its four
   * tables anew, some 60 ms of CPU, a quarter of a second per test on a loaded two-core machine.
   */
  private static final class SharedEngineExtension extends ProcessEngineExtension implements BeforeAllCallback {

    private final String[] resources;
    private String deploymentId;

    SharedEngineExtension(String... resources) {
      this.resources = resources;
      useProcessEngine(SharedEngine.ENGINE);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
      context.getRoot().getStore(Namespace.create(ProcessTestEngine.class))
          .getOrComputeIfAbsent("engine", key -> (CloseableResource) SharedEngine.ENGINE::close);
      DeploymentBuilder deployment = SharedEngine.ENGINE.getRepositoryService().createDeployment()
          .name(context.getRequiredTestClass().getSimpleName());
      for (String resource : resources) {
        deployment.addClasspathResource(resource);
      }
      deploymentId = deployment.deploy().getId();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
      // With the class's instances, which no stand-in hears about any more (their Mocks are gone).
      SharedEngine.ENGINE.getRepositoryService().deleteDeployment(deploymentId, true, true);
      super.afterAll(context);
    }
  }

  /** Built on first use, by whichever process-test class runs first. */
  private static final class SharedEngine {
    static final ProcessEngine ENGINE = start("ticketflow-process-tests");
  }

  private static ProcessEngine start(String name) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    // Timers fire when a test says so: it moves the clock and executes the job.
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY);
    // ${openTicket} and the other delegate expressions resolve to the stand-ins registered with Mocks.
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.setDefaultSerializationFormat("application/json");
    List<ProcessEnginePlugin> plugins = new ArrayList<>(List.of(new SpinProcessEnginePlugin()));
    configuration.setProcessEnginePlugins(plugins);
    configuration.setEnsureJobDueDateNotNull(true);
    configuration.setMetricsEnabled(false);
    configuration.setDbMetricsReporterActivate(false);
    ProcessEngine engine = configuration.buildProcessEngine();
    // Out of the registry: the Spring tests' engine REST and webapps in the same JVM look engines up there.
    ProcessEngines.unregister(engine);
    return engine;
  }
}
