package ticketflow.notification;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sending mail needs an SMTP host ({@code spring.mail.host}, with {@code spring.mail.port}, {@code username},
 * {@code password}); Spring Boot then provides the JavaMailSender and this sends the outbox on a schedule.
 * Without a host nothing is sent and the mails stay in the outbox, readable at {@code GET /api/mail-outbox}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class MailConfiguration {

  @Bean
  OutboxSender outboxSender(Outbox outbox, JavaMailSender mailSender,
      @Value("${ticketflow.mail.from:support@ticketflow.example}") String from,
      @Value("${ticketflow.mail.lease:PT2M}") Duration lease,
      @Value("${ticketflow.mail.batch-size:50}") int batchSize,
      @Value("${ticketflow.mail.retry-initial:PT10S}") Duration retryInitial,
      @Value("${ticketflow.mail.retry-max:PT5M}") Duration retryMax,
      @Value("${ticketflow.mail.max-attempts:300}") int maxAttempts) {
    return new OutboxSender(outbox, mailSender, new MailRetryPolicy(retryInitial, retryMax, maxAttempts), lease, batchSize, from,
        Clock.systemUTC());
  }
}
