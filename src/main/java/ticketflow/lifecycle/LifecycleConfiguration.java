package ticketflow.lifecycle;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class LifecycleConfiguration {

  @Bean
  Clock clock() {
    return new EngineClock();
  }

  @Bean
  LifecycleSettings lifecycleSettings(@Value("${ticketflow.auto-close-after:P7D}") Duration autoCloseAfter) {
    return new LifecycleSettings(autoCloseAfter);
  }

  /**
   * Flyway migrates ticketflow's tables before the engine starts, so no delegate or timer finds them missing; both
   * wait for the cluster start-up lock (ticketflow.database.ClusterStartupLock), so nodes never race on the schema.
   */
  @Bean
  static BeanFactoryPostProcessor engineAfterFlyway() {
    return beanFactory -> {
      if (beanFactory.containsBeanDefinition("flywayInitializer") && beanFactory.containsBeanDefinition("clusterStartupLock")) {
        var flyway = beanFactory.getBeanDefinition("flywayInitializer");
        String[] existing = flyway.getDependsOn();
        flyway.setDependsOn(existing == null ? new String[] {"clusterStartupLock"}
            : java.util.stream.Stream.concat(java.util.Arrays.stream(existing), java.util.stream.Stream.of("clusterStartupLock"))
                .toArray(String[]::new));
      }
      for (String engine : beanFactory.getBeanNamesForType(org.camunda.bpm.engine.spring.ProcessEngineFactoryBean.class, true, false)) {
        if (beanFactory.containsBeanDefinition("flywayInitializer")) {
          var definition = beanFactory.getBeanDefinition(engine.startsWith("&") ? engine.substring(1) : engine);
          String[] existing = definition.getDependsOn();
          String[] dependsOn = existing == null ? new String[] {"flywayInitializer"}
              : java.util.stream.Stream.concat(java.util.Arrays.stream(existing), java.util.stream.Stream.of("flywayInitializer")).toArray(String[]::new);
          definition.setDependsOn(dependsOn);
        }
      }
    };
  }
}
