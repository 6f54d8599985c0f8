package ticketflow.database;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

  /** Replaces Spring Boot's transaction manager; Camunda's engine runs its commands in it too. */
  @Bean
  GroupCommit groupCommit() {
    return new GroupCommit();
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource, GroupCommit groupCommit) {
    return new DurableCommitTransactionManager(dataSource, groupCommit);
  }
}
