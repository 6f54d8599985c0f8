package ticketflow.bench;

import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The baseline: Camunda's engine alone (no Spring, no HTTP, no ticketflow) on the same kind of database, starting
 * the smallest process with what a ticket needs at least: start → user task with one boundary timer → end. Its
 * starts per second, from as many client threads as the surge has, are what ticketflow's intake is compared against.
 */
final class RawEngineBaseline {

  static final String KEY = "raw-baseline";

  private RawEngineBaseline() {
  }

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(KEY)
        .camundaHistoryTimeToLive(180)
        .startEvent("submitted")
        .userTask("work").camundaCandidateGroups("support-web")
        .boundaryEvent("atRisk").cancelActivity(false).timerWithDuration("PT1H").endEvent("flagged")
        .moveToActivity("work").endEvent("done")
        .done();
  }

  /**
   * Runs the baseline on {@code database} and answers its figures. The engine runs with its job executor on and
   * the same history level as ticketflow, so the comparison is of what ticketflow adds, not of settings.
   */
  static Figures measure(Database database, String historyLevel, int threads, Duration warmUp, Duration measured)
      throws InterruptedException {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl(database.url("raw"));
    configuration.setJdbcUsername(database.user());
    configuration.setJdbcPassword(database.password());
    configuration.setJdbcDriver(database.driver());
    configuration.setJdbcMaxActiveConnections(Math.max(10, threads + 2));
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(historyLevel);
    configuration.setJobExecutorActivate(true);
    configuration.setProcessEngineName("raw-baseline");
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("raw-baseline.bpmn", model()).deploy();
      LoadRun warm = run(engine, threads, warmUp);
      LoadRun run = run(engine, threads, measured);
      // End to end: the same process started and its task completed, one after the other per thread.
      LoadRun lifecycles = lifecycles(engine, threads, measured);
      return new Figures(historyLevel, threads, warm.count(), run.perSecond(), run.latencies(), lifecycles.perSecond());
    } finally {
      engine.close();
    }
  }

  private static LoadRun run(ProcessEngine engine, int threads, Duration duration) throws InterruptedException {
    return LoadRun.closedLoop(threads, duration, (thread, n) -> {
      engine.getRuntimeService().startProcessInstanceByKey(KEY, "RAW-" + thread + "-" + n);
      return true;
    });
  }

  private static LoadRun lifecycles(ProcessEngine engine, int threads, Duration duration) throws InterruptedException {
    return LoadRun.closedLoop(threads, duration, (thread, n) -> {
      String instance = engine.getRuntimeService().startProcessInstanceByKey(KEY, "LIFE-" + thread + "-" + n).getId();
      String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
      engine.getTaskService().claim(task, "web.agent");
      engine.getTaskService().complete(task);
      return true;
    });
  }

  /**
   * The raw engine migrating {@code instances} instances of the baseline process, each waiting in its task with its
   * timer, to a second version as a batch on its job executor: the least a migration of that many tickets costs.
   */
  static java.util.Map<String, Object> migration(Database database, String historyLevel, int instances) throws InterruptedException {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl(database.url("raw-migration"));
    configuration.setJdbcUsername(database.user());
    configuration.setJdbcPassword(database.password());
    configuration.setJdbcDriver(database.driver());
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(historyLevel);
    configuration.setJobExecutorActivate(true);
    configuration.setProcessEngineName("raw-migration");
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      String v1 = engine.getRepositoryService().createDeployment().addModelInstance("raw-baseline.bpmn", model()).deployWithResult()
          .getDeployedProcessDefinitions().get(0).getId();
      for (int i = 0; i < instances; i++) {
        engine.getRuntimeService().startProcessInstanceByKey(KEY, "MIG-" + i);
      }
      BpmnModelInstance next = model();
      next.getModelElementById("work").setAttributeValue("name", "Work it");
      String v2 = engine.getRepositoryService().createDeployment().addModelInstance("raw-baseline.bpmn", next).deployWithResult()
          .getDeployedProcessDefinitions().get(0).getId();
      long started = System.nanoTime();
      var plan = engine.getRuntimeService().createMigrationPlan(v1, v2).mapEqualActivities().build();
      engine.getRuntimeService().newMigration(plan)
          .processInstanceQuery(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(v1)).executeAsync();
      // Done when no instance is left on the first version (the batch itself is removed up to a monitor poll later).
      while (engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(v1).count() > 0) {
        Thread.sleep(100);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      long moved = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(v2).count();
      return java.util.Map.of("instances", instances, "moved", moved, "migrationSeconds", Math.round(seconds * 10) / 10.0);
    } finally {
      engine.close();
    }
  }

  record Figures(String historyLevel, int threads, long warmUpStarts, double startsPerSecond, Latencies latencies,
      double lifecyclesPerSecond) {
  }
}
