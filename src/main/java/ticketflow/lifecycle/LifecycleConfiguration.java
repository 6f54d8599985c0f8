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

  /** Flyway migrates ticketflow's tables before the engine starts, so no delegate or timer finds them missing. */
  @Bean
  static BeanFactoryPostProcessor engineAfterFlyway() {
    return beanFactory -> {
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
