package ticketflow.database;

import java.util.Arrays;
import java.util.stream.Stream;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates ticketflow's tables before the engine starts, so no delegate or timer finds them missing; both
 * wait for the cluster start-up lock ({@link ClusterStartupLock}), so nodes never race on the schema.
 */
@Configuration(proxyBeanMethods = false)
class StartupOrder {

  private static final String FLYWAY = "flywayInitializer";

  @Bean
  static BeanFactoryPostProcessor engineAfterFlyway() {
    return beanFactory -> {
      if (!beanFactory.containsBeanDefinition(FLYWAY)) {
        return;
      }
      if (beanFactory.containsBeanDefinition(ClusterStartupLock.BEAN)) {
        dependOn(beanFactory.getBeanDefinition(FLYWAY), ClusterStartupLock.BEAN);
      }
      for (String engine : beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)) {
        dependOn(beanFactory.getBeanDefinition(engine.startsWith("&") ? engine.substring(1) : engine), FLYWAY);
      }
    };
  }

  private static void dependOn(BeanDefinition definition, String bean) {
    String[] existing = definition.getDependsOn();
    definition.setDependsOn(existing == null ? new String[] {bean}
        : Stream.concat(Arrays.stream(existing), Stream.of(bean)).toArray(String[]::new));
  }
}
