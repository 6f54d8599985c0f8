package ticketflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.TicketApi;
import ticketflow.ticket.TicketRepository;

/**
 * Ticket row, idempotency record and process instance commit together or not at all: nothing is added to what other
 * tests left. Runs on H2 ({@link SubmitTicketTransactionOnH2Test}) and PostgreSQL ({@link SubmitTicketTransactionOnPostgresTest}).
 */
abstract class SubmitTicketTransactionTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  /** The shared contexts' spy (TicketflowTest, TicketflowPostgresTest). */
  @Autowired TicketRepository tickets;

  @Test
  void whenTheProcessFailsHalfwayNothingOfTheTicketRemains() throws Exception {
    long ticketsBefore = count("tf_ticket");
    long keysBefore = count("tf_idempotency_key");
    long instancesBefore = history.createHistoricProcessInstanceQuery().count();
    long tasksBefore = tasks.createTaskQuery().count();
    String key = "tx-" + UUID.randomUUID();
    // Fails inside the process, after the ticket row, the idempotency record and the instance were written.
    doThrow(new IllegalStateException("database hiccup")).when(tickets).recordTriage(anyString(), any(), any(), any());
    TicketApi api = new TicketApi(mvc, json, tasks);

    MvcResult failed = api.perform(post("/api/tickets").header("Idempotency-Key", key), TicketApi.PORTAL, TicketApi.ticket());

    assertThat(failed.getResponse().getStatus()).isEqualTo(500);
    assertThat(failed.getResponse().getContentType()).isEqualTo("application/problem+json");
    assertThat(failed.getResponse().getContentAsString()).contains("nothing was changed").doesNotContain("hiccup");
    assertThat(count("tf_ticket")).isEqualTo(ticketsBefore);
    assertThat(count("tf_idempotency_key")).isEqualTo(keysBefore);
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(tasks.createTaskQuery().count()).isEqualTo(tasksBefore);

    // The client's retry with the same key then succeeds once the fault is gone.
    org.mockito.Mockito.reset(tickets);
    MvcResult retried = api.perform(post("/api/tickets").header("Idempotency-Key", key), TicketApi.PORTAL, TicketApi.ticket());
    assertThat(retried.getResponse().getStatus()).isEqualTo(201);
    assertThat(count("tf_ticket")).isEqualTo(ticketsBefore + 1);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
