package ticketflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Engine REST and the webapps find the engine in Camunda's static registry by name ("default"): the context started
 * last, or one closed since, decides which engine that is. Before every test class and method of a context that
 * serves them over a real port, this puts that context's own engine back under its name, so the contexts of other
 * test classes may start and close in any order.
 */
public class EngineOfThisContext implements TestExecutionListener {

  @Override
  public void beforeTestClass(TestContext testContext) {
    register(testContext);
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    register(testContext);
  }

  private static void register(TestContext testContext) {
    ProcessEngine engine = testContext.getApplicationContext().getBean(ProcessEngine.class);
    if (ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
  }
}
