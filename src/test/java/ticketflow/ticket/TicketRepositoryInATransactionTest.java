package ticketflow.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/**
 * Within a transaction a ticket is read once and then remembered (intake asks for it at every step): what the same
 * transaction writes is what it reads next, never the remembered copy.
 */
@TicketflowTest
class TicketRepositoryInATransactionTest {

  @Autowired TicketRepository tickets;
  @Autowired Anonymisation anonymisation;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;

  @Test
  void aTicketChangedInTheTransactionIsReadAsChanged() throws Exception {
    String id = new TicketApi(mvc, json, tasks).submitId(TicketApi.ticket());

    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      Ticket before = tickets.find(id).orElseThrow();
      assertThat(tickets.find(id)).containsSame(before);

      tickets.updatePriority(id, Priority.P1);
      assertThat(tickets.find(id).orElseThrow().priority()).isEqualTo(Priority.P1);

      tickets.raiseEscalationLevel(id, 2);
      assertThat(tickets.find(id).orElseThrow().escalationLevel()).isEqualTo(2);

      anonymisation.anonymise(id);
      assertThat(tickets.find(id).orElseThrow().subject()).isNotEqualTo(before.subject());
      status.setRollbackOnly();
    });
    assertThat(tickets.find(id).orElseThrow().priority()).as("rolled back").isNotEqualTo(Priority.P1);
  }
}
