package ticketflow.retention;

import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

  @Bean
  RetentionSettings retentionSettings(@Value("${ticketflow.retention.closed-tickets:P2Y}") Period closedTickets) {
    return new RetentionSettings(closedTickets);
  }
}
