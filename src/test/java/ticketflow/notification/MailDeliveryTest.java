package ticketflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ticketflow.TestMailbox;
import ticketflow.TicketApi;
import ticketflow.TicketflowServerTest;

/**
 * Mail over SMTP (the {@link TestMailbox}): the customer hears of replies, proposals and the closing, staff of SLA
 * trouble; nothing leaves before its transaction commits, and every mail arrives exactly once, across an SMTP outage
 * and with several senders racing.
 */
@TicketflowServerTest
class MailDeliveryTest {

  static final String CUSTOMER = "owner@acme-pro.example";
  /** Monday 2026-11-30 10:00 in Los Angeles: inside business hours. */
  static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T18:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JavaMailSender mailSender;
  @Autowired Outbox outbox;

  TicketApi api;

  @BeforeEach
  void setUp() {
    api = new TicketApi(mvc, json, tasks);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    TestMailbox.server();
  }

  @Test
  void theCustomerHearsOnceOfTheFirstResponseAReplyTheProposedSolutionAndTheClosing() throws Exception {
    String id = api.submitId(TicketApi.ticket());
    api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Which client version do you use?");
    assertThat(api.customerWrites(id, "Version 6.2").getResponse().getStatus()).isEqualTo(201);
    api.agentCompletes(id, "WorkTicket", "action", "REPLY_AND_WAIT", "reply", "Thanks, we are reproducing it on 6.2.");
    assertThat(api.customerWrites(id, "Any news?").getResponse().getStatus()).isEqualTo(201);
    api.agentCompletes(id, "WorkTicket", "action", "PROPOSE_SOLUTION", "reply", "Update to 6.3, which fixes recording.");
    assertThat(api.customerAnswers(id, true, "That fixed it").getResponse().getStatus()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(15)).until(() -> received(id).size() >= 4);
    Map<String, MimeMessage> byKind = received(id).stream().collect(Collectors.toMap(MailDeliveryTest::kind, Function.identity()));
    assertThat(byKind).containsOnlyKeys("FIRST_RESPONSE", "AGENT_REPLY", "SOLUTION_PROPOSED", "CLOSED");
    assertThat(byKind.values()).allSatisfy(m -> assertThat(recipients(m)).containsExactly(CUSTOMER));
    assertThat(body(byKind.get("FIRST_RESPONSE"))).contains("Which client version do you use?");
    assertThat(byKind.get("FIRST_RESPONSE").getSubject()).isEqualTo("[" + id + "] First response: Recording does not start");
    assertThat(body(byKind.get("AGENT_REPLY"))).contains("Thanks, we are reproducing it on 6.2.");
    assertThat(body(byKind.get("SOLUTION_PROPOSED"))).contains("Update to 6.3, which fixes recording.");
    assertThat(body(byKind.get("CLOSED"))).contains("the customer accepted the proposed solution");
    assertThat(byKind.get("CLOSED").getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("support@ticketflow.example");

    // The sender marks a row SENT right after the SMTP server took the mail: the mailbox may see it a moment earlier.
    await().atMost(Duration.ofSeconds(15)).until(() -> outbox.ofTicket(id).stream().allMatch(r -> r.status() == MailStatus.SENT));
    assertThat(outbox.ofTicket(id)).hasSize(4).allSatisfy(row -> {
      assertThat(row.status()).isEqualTo(MailStatus.SENT);
      assertThat(row.attempts()).isEqualTo(1);
      assertThat(row.sentAt()).isNotNull();
    });
    stillExactlyOnceEach(id, 4);
  }

  @Test
  void staffOfTheQueueAndTheLeadsHearOfAtRiskAndBreachedAndTheCustomerNever() throws Exception {
    staffUser(unique("no.mail"), "support-chat", null);
    // A staff account that shares the customer's address still does not tell the customer.
    staffUser(unique("look.alike"), "support-chat", CUSTOMER);

    now(MONDAY_MORNING);
    String id = api.submitId(TicketApi.ticket("impact", "SERVICE_DOWN", "channel", "CHAT"));
    assertThat(api.view(id).get("queue").asText()).isEqualTo("support-chat");
    fire(id, "FirstResponseAtRisk", MONDAY_MORNING.plus(Duration.ofMinutes(45)));
    fire(id, "FirstResponseBreached", MONDAY_MORNING.plus(Duration.ofMinutes(60)));
    fire(id, "FirstResponseLevel2", MONDAY_MORNING.plus(Duration.ofMinutes(90)));

    // The escalation ladder's rows: at risk to the queue and the leads; a P1 breach to on-call engineering as well;
    // level 2 to the managers.
    await().atMost(Duration.ofSeconds(15)).until(() -> received(id).size() >= 6);
    List<MimeMessage> atRisk = ofKind(id, "AT_RISK");
    List<MimeMessage> breached = ofKind(id, "BREACHED").stream().filter(m -> subject(m).contains("Breached:")).toList();
    List<MimeMessage> level2 = ofKind(id, "BREACHED").stream().filter(m -> subject(m).contains("Escalated (level 2)")).toList();
    assertThat(atRisk.stream().flatMap(m -> recipients(m).stream()))
        .containsExactlyInAnyOrder("chat.agent@ticketflow.example", "lead@ticketflow.example");
    assertThat(breached.stream().flatMap(m -> recipients(m).stream()))
        .containsExactlyInAnyOrder("chat.agent@ticketflow.example", "lead@ticketflow.example", "oncall.engineer@ticketflow.example");
    assertThat(level2.stream().flatMap(m -> recipients(m).stream())).containsExactly("manager@ticketflow.example");
    assertThat(atRisk).allSatisfy(m -> {
      assertThat(m.getSubject()).isEqualTo("[" + id + "] At risk: first response due 2026-11-30T19:00:00Z: Recording does not start");
      assertThat(body(m)).contains("Commitment: first response").contains("Due: 2026-11-30T19:00:00Z").contains("Priority: P1");
    });
    assertThat(breached).allSatisfy(m -> assertThat(m.getSubject()).contains("Breached: first response was due 2026-11-30T19:00:00Z"));
    stillExactlyOnceEach(id, 6);
    assertThat(received(id)).noneSatisfy(m -> assertThat(recipients(m)).contains(CUSTOMER));
    assertThat(outbox.ofTicket(id)).extracting(OutboxEntry::recipient).doesNotContain(CUSTOMER);
  }

  @Test
  void aCompletionThatFailsOrRollsBackSendsNothing() throws Exception {
    String id = api.submitId(TicketApi.ticket());

    assertThatThrownBy(() -> api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Invalid: no reason",
        "newPriority", "P1")).hasMessageContaining("reason");
    // Recorded, then rolled back with everything else the completion did.
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Rolled back reply");
      assertThat(outbox.ofTicket(id)).hasSize(1);
      tx.setRollbackOnly();
    });
    assertThat(outbox.ofTicket(id)).isEmpty();
    api.task(id, "FirstResponse");
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> received(id).isEmpty());

    api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "The reply that counts");
    await().atMost(Duration.ofSeconds(15)).until(() -> received(id).size() >= 1);
    assertThat(body(received(id).get(0))).contains("The reply that counts").doesNotContain("Rolled back");
    stillExactlyOnceEach(id, 1);
  }

  @Test
  void withSmtpDownDuringThreeTicketsRepliesEachMailArrivesExactlyOnceWhenItIsBack() throws Exception {
    TestMailbox.stop();
    List<String> customers = List.of("owner@acme-pro.example", "admin@acme-pro.example", "licensed@acme-pro.example");
    List<String> ids = new ArrayList<>();
    for (String customer : customers) {
      String id = api.submitId(TicketApi.ticket("requesterEmail", customer, "subject", "Outage " + unique("t")));
      api.agentCompletes(id, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Reply while SMTP is down for " + customer);
      ids.add(id);
    }

    // Tried and failed, more than once: the sender keeps trying while the server is down.
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(ids.stream().map(this::onlyRow)).allSatisfy(row -> {
      assertThat(row.status()).isEqualTo(MailStatus.PENDING);
      assertThat(row.attempts()).isGreaterThanOrEqualTo(2);
      assertThat(row.lastError()).isNotBlank();
      assertThat(row.sentAt()).isNull();
    }));

    TestMailbox.server();
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(ids).allSatisfy(id -> assertThat(received(id)).hasSize(1)));
    for (int i = 0; i < ids.size(); i++) {
      MimeMessage mail = received(ids.get(i)).get(0);
      assertThat(recipients(mail)).containsExactly(customers.get(i));
      assertThat(body(mail)).contains("Reply while SMTP is down for " + customers.get(i));
    }
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(ids.stream().map(this::onlyRow)).allSatisfy(row -> assertThat(row.status()).isEqualTo(MailStatus.SENT)));
    for (String id : ids) {
      stillExactlyOnceEach(id, 1);
    }
  }

  @Test
  void senderNodesRacingForTheSameOutboxSendEachMailExactlyOnce() throws Exception {
    String id = api.submitId(TicketApi.ticket());
    int count = 40;
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      for (int i = 0; i < count; i++) {
        outbox.enqueue(new Mail("race-" + i + "@ticketflow.example", "[" + id + "] race " + i, "body " + i, id, MailKind.AGENT_REPLY));
      }
    });
    // Two more nodes beside this context's scheduled sender, on the same database and SMTP server.
    List<OutboxSender> nodes = List.of(node(), node());
    ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
    try {
      List<CompletableFuture<Void>> runs = nodes.stream().map(node -> CompletableFuture.runAsync(() -> {
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
          node.sendDue();
        }
      }, pool)).toList();
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
    } finally {
      pool.shutdown();
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> received(id).size() >= count);
    stillExactlyOnceEach(id, count);
    assertThat(outbox.ofTicket(id)).hasSize(count).allSatisfy(row -> {
      assertThat(row.status()).isEqualTo(MailStatus.SENT);
      assertThat(row.attempts()).as("claimed once: %s", row.subject()).isEqualTo(1);
    });
  }

  @Test
  void aMailThatCannotBeSentIsGivenUpAsFailedAndNotTriedAgain() throws Exception {
    String id = api.submitId(TicketApi.ticket());
    new TransactionTemplate(transactions).executeWithoutResult(tx ->
        outbox.enqueue(new Mail("one@acme-pro.example, two@acme-pro.example", "[" + id + "] two at once", "body", id, MailKind.AGENT_REPLY)));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(onlyRow(id).status()).isEqualTo(MailStatus.FAILED));
    OutboxEntry failed = onlyRow(id);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("Illegal address");
    assertThat(failed.nextAttemptAt()).isNull();
    await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> onlyRow(id).attempts() == 1);
    assertThat(received(id)).isEmpty();
  }

  // --- helpers

  private OutboxSender node() {
    return new OutboxSender(outbox, mailSender, new MailRetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 100),
        Duration.ofMinutes(1), 5, "support@ticketflow.example", Clock.systemUTC());
  }

  /** No mail of the ticket arrives twice (by recipient and subject), now and a little later. */
  private void stillExactlyOnceEach(String ticketId, int expected) {
    await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
      List<MimeMessage> mails = received(ticketId);
      assertThat(mails).hasSize(expected);
      Map<String, Long> perRecipientAndSubject = mails.stream()
          .collect(Collectors.groupingBy(m -> recipients(m) + " " + subject(m), Collectors.counting()));
      assertThat(perRecipientAndSubject).hasSize(expected).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
    });
  }

  private OutboxEntry onlyRow(String ticketId) {
    List<OutboxEntry> rows = outbox.ofTicket(ticketId);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private static List<MimeMessage> received(String ticketId) {
    return TestMailbox.mailsAbout(ticketId);
  }

  private static List<MimeMessage> ofKind(String ticketId, String kind) {
    return received(ticketId).stream().filter(m -> kind.equals(kind(m))).toList();
  }

  private static String kind(MimeMessage m) {
    return header(m, "X-Ticketflow-Kind");
  }

  private static String header(MimeMessage m, String name) {
    try {
      return m.getHeader(name, null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> recipients(MimeMessage m) {
    try {
      return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage m) {
    try {
      return m.getContent().toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void staffUser(String id, String group, String email) {
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("(test)");
    user.setEmail(email);
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  private void now(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  private void fire(String ticketId, String timer, Instant at) {
    now(at);
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).singleResult().getId();
    var job = management.createJobQuery().processInstanceId(instance).activityId(timer).singleResult();
    assertThat(job).as("timer %s of %s", timer, ticketId).isNotNull();
    management.executeJob(job.getId());
  }

  private static String unique(String prefix) {
    return prefix + "." + java.util.UUID.randomUUID().toString().substring(0, 8);
  }
}
