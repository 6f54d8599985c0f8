package ticketflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.TicketApi;
import ticketflow.ticket.TicketRepository;

/**
 * Ticket row, idempotency record and process instance commit together or not at all. Needs a context (and database)
 * of its own: runs on H2 ({@link SubmitTicketTransactionOnH2Test}) and PostgreSQL ({@link SubmitTicketTransactionOnPostgresTest}).
 */
abstract class SubmitTicketTransactionTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @MockitoSpyBean TicketRepository tickets;

  @Test
  void whenTheProcessFailsHalfwayNothingOfTheTicketRemains() throws Exception {
    // Fails inside the process, after the ticket row, the idempotency record and the instance were written.
    doThrow(new IllegalStateException("database hiccup")).when(tickets).recordTriage(anyString(), any(), any(), any());
    TicketApi api = new TicketApi(mvc, json, tasks);

    MvcResult failed = api.perform(post("/api/tickets").header("Idempotency-Key", "tx-1"), TicketApi.PORTAL, TicketApi.ticket());

    assertThat(failed.getResponse().getStatus()).isEqualTo(500);
    assertThat(failed.getResponse().getContentType()).isEqualTo("application/problem+json");
    assertThat(failed.getResponse().getContentAsString()).contains("nothing was changed").doesNotContain("hiccup");
    assertThat(jdbc.queryForObject("select count(*) from tf_ticket", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from tf_idempotency_key", Integer.class)).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().count()).isZero();
    assertThat(tasks.createTaskQuery().count()).isZero();

    // The client's retry with the same key then succeeds once the fault is gone.
    org.mockito.Mockito.reset(tickets);
    MvcResult retried = api.perform(post("/api/tickets").header("Idempotency-Key", "tx-1"), TicketApi.PORTAL, TicketApi.ticket());
    assertThat(retried.getResponse().getStatus()).isEqualTo(201);
    assertThat(jdbc.queryForObject("select count(*) from tf_ticket", Integer.class)).isEqualTo(1);
  }
}
