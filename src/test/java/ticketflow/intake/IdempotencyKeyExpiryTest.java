package ticketflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ticketflow.ApiClient;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/** An Idempotency-Key is remembered for ticketflow.intake.idempotency-key-ttl (P1D); after that a retry is a new ticket. */
@TicketflowTest
class IdempotencyKeyExpiryTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdempotencyKeys keys;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aRetryWithinADayGetsItsTicketAndOneAfterMakesANewOne() throws Exception {
    TicketApi tickets = new TicketApi(mvc, json, tasks);
    String key = ApiClient.unique("expiring");
    Instant start = Instant.now();

    MvcResult first = submit(tickets, key);
    assertThat(first.getResponse().getStatus()).isEqualTo(201);
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(23))));
    MvcResult retry = submit(tickets, key);
    assertThat(retry.getResponse().getStatus()).isEqualTo(200);
    assertThat(id(tickets, retry)).isEqualTo(id(tickets, first));

    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(25))));
    MvcResult late = submit(tickets, key);
    assertThat(late.getResponse().getStatus()).isEqualTo(201);
    assertThat(id(tickets, late)).isNotEqualTo(id(tickets, first));
  }

  @Test
  void expiredKeysAreGone() throws Exception {
    TicketApi tickets = new TicketApi(mvc, json, tasks);
    String old = ApiClient.unique("old");
    Instant start = Instant.now();
    submit(tickets, old);
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(12))));
    String fresh = ApiClient.unique("fresh");
    submit(tickets, fresh);

    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(25))));
    assertThat(keys.purgeExpired()).isPositive();

    assertThat(rows(old)).isZero();
    assertThat(rows(fresh)).isOne();
  }

  private MvcResult submit(TicketApi tickets, String key) throws Exception {
    return tickets.perform(post("/api/tickets").header("Idempotency-Key", key), TicketApi.PORTAL, TicketApi.ticket());
  }

  private static String id(TicketApi tickets, MvcResult result) throws Exception {
    return tickets.read(result).get("id").asText();
  }

  private int rows(String key) {
    return jdbc.queryForObject("select count(*) from tf_idempotency_key where idem_key = ?", Integer.class, key);
  }
}
