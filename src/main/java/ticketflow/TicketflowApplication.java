package ticketflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

// Scheduling on every node, SMTP or not: the open-ticket gauges refresh on a schedule as the mail outbox is sent on one.
@SpringBootApplication
@EnableScheduling
public class TicketflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(TicketflowApplication.class, args);
  }
}
