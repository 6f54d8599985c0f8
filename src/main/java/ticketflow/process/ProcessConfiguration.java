package ticketflow.process;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProcessConfiguration {

  /** One clock for ticket times and timers, so both agree when tests move the engine's time. */
  @Bean
  Clock clock() {
    return new EngineClock();
  }

  @Bean
  LifecycleSettings lifecycleSettings(@Value("${ticketflow.auto-close-after:P7D}") Duration autoCloseAfter,
      @Value("${ticketflow.reopen-window:P7D}") Duration reopenWindow) {
    if (reopenWindow.isNegative()) {
      throw new IllegalStateException("ticketflow.reopen-window must not be negative: " + reopenWindow);
    }
    return new LifecycleSettings(autoCloseAfter, reopenWindow);
  }
}
