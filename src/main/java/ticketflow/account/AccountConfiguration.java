package ticketflow.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AccountConfiguration {

  @Bean
  HostKeyHasher hostKeyHasher() {
    return new HostKeyHasher();
  }

  @Bean
  CallerVerificationPolicy callerVerificationPolicy(HostKeyHasher hasher) {
    return new CallerVerificationPolicy(hasher);
  }
}
