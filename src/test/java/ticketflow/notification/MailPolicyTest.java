package ticketflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ticketflow.sla.Commitment;
import ticketflow.sla.SlaState;
import ticketflow.sla.SlaStepReached;
import ticketflow.channel.Channel;
import ticketflow.ticket.Category;
import ticketflow.ticket.Impact;
import ticketflow.ticket.Priority;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketStatus;
import ticketflow.ticket.Workaround;

/** Which mails ticket events make, to whom, saying what (plain Java, no engine). */
class MailPolicyTest {

  static final String CUSTOMER = "owner@acme-pro.example";
  static final Instant DUE = Instant.parse("2026-11-30T19:00:00Z");

  final MailPolicy policy = new MailPolicy();

  static Ticket ticket(String queue) {
    return new Ticket("TF-1001", "acme-pro", CUSTOMER, Category.TECHNICAL, Impact.FEATURE_ISSUE, Workaround.NONE,
        "Recording does not start", "The record button is greyed out.", TicketStatus.OPEN, Priority.P3, Channel.WEB,
        Channel.WEB, "entitled", queue, 0, "portal", Instant.parse("2026-11-30T18:00:00Z"));
  }

  @Test
  void theFirstResponseGoesToTheCustomerQuotingTheReply() {
    Mail mail = policy.agentReplied(ticket("support-web"), true, "Which version do you use?\nAnd which OS?", false).orElseThrow();
    assertThat(mail.kind()).isEqualTo(MailKind.FIRST_RESPONSE);
    assertThat(mail.to()).isEqualTo(CUSTOMER);
    assertThat(mail.ticketId()).isEqualTo("TF-1001");
    assertThat(mail.subject()).isEqualTo("[TF-1001] First response: Recording does not start");
    assertThat(mail.body()).contains("Which version do you use?\nAnd which OS?");
  }

  @Test
  void aLaterReplyAndAProposedSolutionAreToldAsSuch() {
    assertThat(policy.agentReplied(ticket("support-web"), false, "Try 6.3", false).orElseThrow().kind()).isEqualTo(MailKind.AGENT_REPLY);
    Mail proposal = policy.agentReplied(ticket("support-web"), false, "Update to 6.3.", true).orElseThrow();
    assertThat(proposal.kind()).isEqualTo(MailKind.SOLUTION_PROPOSED);
    assertThat(proposal.subject()).startsWith("[TF-1001] Proposed solution:");
    assertThat(proposal.body()).contains("Update to 6.3.").contains("solves your problem");
    // A proposal as the first response is still a proposal: the customer must answer it.
    assertThat(policy.agentReplied(ticket("support-web"), true, "Restart.", true).orElseThrow().kind()).isEqualTo(MailKind.SOLUTION_PROPOSED);
  }

  @Test
  void noReplyNoMail() {
    assertThat(policy.agentReplied(ticket("support-web"), false, null, false)).isEmpty();
    assertThat(policy.agentReplied(ticket("support-web"), false, "  ", false)).isEmpty();
  }

  @Test
  void theClosingTellsTheCustomerWhy() {
    Mail mail = policy.closed(ticket("support-web"), "Ticket closed: the customer accepted the proposed solution.").orElseThrow();
    assertThat(mail.kind()).isEqualTo(MailKind.CLOSED);
    assertThat(mail.to()).isEqualTo(CUSTOMER);
    assertThat(mail.subject()).isEqualTo("[TF-1001] Closed: Recording does not start");
    assertThat(mail.body()).contains("the customer accepted the proposed solution");
    assertThat(mail.body()).doesNotContain("Rate our help");
  }

  @Test
  void theClosingCarriesTheSatisfactionLink() {
    String link = "https://support.example.com/satisfaction?ticket=TF-1001&token=abc_DEF-123";
    Mail mail = policy.closed(ticket("support-web"), "Ticket closed.", link).orElseThrow();
    assertThat(mail.body()).contains("Rate our help from 1 to 5 (the link works once):\n" + link + "\n");
    assertThat(mail.subject()).doesNotContain("token");
  }

  @Test
  void atRiskGoesToEachStaffAddressOnceNamingCommitmentAndDueTimeAndNeverToTheCustomer() {
    List<Mail> mails = policy.slaReached(ticket("support-web"), step(Commitment.FIRST_RESPONSE, "AT_RISK", SlaState.AT_RISK, true, 0),
        List.of("web.agent@ticketflow.example", "", "  ", "Web.Agent@Ticketflow.example", "lead@ticketflow.example",
            "OWNER@acme-pro.example", "not-an-address", "a@b.example, owner@acme-pro.example"));
    assertThat(mails).extracting(Mail::to).containsExactly("web.agent@ticketflow.example", "lead@ticketflow.example");
    assertThat(mails).allSatisfy(m -> {
      assertThat(m.kind()).isEqualTo(MailKind.AT_RISK);
      assertThat(m.subject()).isEqualTo("[TF-1001] At risk: first response due 2026-11-30T19:00:00Z: Recording does not start");
      assertThat(m.body()).contains("Commitment: first response").contains("Due: 2026-11-30T19:00:00Z").contains("Queue: support-web");
    });
  }

  @Test
  void aBreachNamesWhoTheTaskIsOfferedToAndLevel2IsToldAsAFurtherEscalation() {
    List<Mail> breached = policy.slaReached(ticket("support-web"), step(Commitment.RESOLUTION, "BREACHED", SlaState.BREACHED, true, 1),
        List.of("lead@ticketflow.example"));
    assertThat(breached).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(MailKind.BREACHED);
      assertThat(m.subject()).contains("Breached: resolution was due 2026-11-30T19:00:00Z");
      assertThat(m.body()).contains("Commitment: resolution").contains("now offered to support-leads too");
    });
    assertThat(policy.slaReached(ticket("support-web"), step(Commitment.RESOLUTION, "LEVEL_2", SlaState.BREACHED, false, 2),
        List.of("manager@ticketflow.example"))).singleElement().satisfies(m -> {
          assertThat(m.subject()).contains("Escalated (level 2): resolution was due");
          assertThat(m.body()).contains("escalation level 2");
        });
  }

  @Test
  void aStepWithoutAStateIsNotMailed() {
    assertThat(policy.slaReached(ticket("support-web"), step(Commitment.RESOLUTION, "HEADS_UP", null, false, 0),
        List.of("lead@ticketflow.example"))).isEmpty();
  }

  private static SlaStepReached step(Commitment commitment, String step, SlaState state, boolean changed, int level) {
    return new SlaStepReached("TF-1001", commitment, step, state, changed, level, DUE, level > 0 ? List.of("support-leads") : List.of(),
        List.of("support-web", "support-leads"));
  }

  @Test
  void onlyCustomerKindsGoToTheCustomer() {
    assertThat(MailKind.values()).filteredOn(MailKind::toCustomer)
        .containsExactly(MailKind.FIRST_RESPONSE, MailKind.AGENT_REPLY, MailKind.SOLUTION_PROPOSED, MailKind.CLOSED);
  }

  @Test
  void aSubjectNeverBreaksTheHeaderLine() {
    Ticket t = ticket("support-web");
    Ticket sneaky = new Ticket(t.id(), t.accountId(), t.requesterEmail(), t.category(), t.impact(), t.workaround(),
        "Help\r\nBcc: everyone@example.com", t.description(), t.status(), t.priority(), t.requestedChannel(), t.channel(),
        t.channelReason(), t.queue(), 0, t.createdBy(), t.createdAt());
    assertThat(policy.closed(sneaky, "done").orElseThrow().subject()).isEqualTo("[TF-1001] Closed: Help Bcc: everyone@example.com");
  }

  @Test
  void retriesBackOffDoublingUpToTheCapAndGiveUpWhenHopeless() {
    MailRetryPolicy retry = new MailRetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 300);
    assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 50, Integer.MAX_VALUE).stream().map(retry::backoff)).containsExactly(
        Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80), Duration.ofSeconds(160),
        Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5));
    assertThat(retry.nextAttempt(DUE, 2, false)).contains(DUE.plusSeconds(20));
    assertThat(retry.nextAttempt(DUE, 1, true)).isEmpty();
    assertThat(retry.nextAttempt(DUE, 300, false)).isEmpty();
  }
}
