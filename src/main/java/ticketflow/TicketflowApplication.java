package ticketflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TicketflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(TicketflowApplication.class, args);
  }
}
