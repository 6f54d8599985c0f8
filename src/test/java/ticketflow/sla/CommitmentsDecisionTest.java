package ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ticketflow.calendar.SupportCalendar;
import ticketflow.calendar.SupportCalendars;

/**
 * The response commitments (README, "Response commitments"), one line per priority, asked of
 * bpmn/commitments.dmn on its own; the targets are read as the engine reads them, on the row's calendar.
 */
@DisplayName("Each priority carries the response commitments of the policy")
class CommitmentsDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision commitments;

  @BeforeAll
  static void parseTheDecisionFromTheModelFolder() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = Files.newInputStream(Path.of("bpmn", "commitments.dmn"))) {
      commitments = engine.parseDecision("commitments", model);
    }
  }

  @ParameterizedTest(name = "{0}: first response {1} h, update every {2} h, resolution {3} h on {4}")
  @CsvSource(textBlock = """
      # priority, first response (open hours), update every, resolution, calendar
      P1,         1,                           4,            24,         24x7
      P2,         4,                           8,            24,         business
      P3,         8,                           ,             80,         business
      P4,         16,                          ,             ,           business
      """)
  void thePriorityGetsItsCommitments(String priority, Long firstResponseHours, Long updateHours, Long resolutionHours,
      String calendar) {
    DmnDecisionRuleResult row = engine.evaluateDecisionTable(commitments, Map.of("priority", priority)).getSingleResult();
    SupportCalendar onCalendar = SupportCalendars.defaults().get(calendar);

    // An empty cell is no entry at all: that commitment does not exist for the priority.
    assertThat(row.get("calendar")).isEqualTo(calendar);
    assertThat(CommitmentTargets.parse((String) row.get("firstResponse"), onCalendar)).isEqualTo(hours(firstResponseHours));
    assertThat(CommitmentTargets.parse((String) row.get("updateEvery"), onCalendar)).isEqualTo(hours(updateHours));
    assertThat(CommitmentTargets.parse((String) row.get("resolution"), onCalendar)).isEqualTo(hours(resolutionHours));
  }

  @ParameterizedTest(name = "{0} on plan {1}, queue {2}, channel {3}: the priority's row, as for any plan, queue and channel")
  @CsvSource(textBlock = """
      P1, FREE,       support-web,      WEB
      P2, ENTERPRISE, billing,          PHONE
      P2, PRO,        support-chat,     CHAT
      P3, API,        engineering,      WEB
      P4, EDUCATION,  trust-and-safety, PHONE
      """)
  void todaysPolicyLooksAtThePriorityOnly(String priority, String plan, String queue, String channel) {
    Map<String, Object> aProWebTicket = Map.of("priority", priority, "plan", "PRO", "queue", "support-web", "channel", "WEB");
    Map<String, Object> unknownPlanQueueAndChannel = new HashMap<>(Map.of("priority", priority));
    unknownPlanQueueAndChannel.put("plan", null);

    assertThat(engine.evaluateDecisionTable(commitments,
            Map.of("priority", priority, "plan", plan, "queue", queue, "channel", channel)).getSingleResult().getEntryMap())
        .isEqualTo(engine.evaluateDecisionTable(commitments, aProWebTicket).getSingleResult().getEntryMap())
        .isEqualTo(engine.evaluateDecisionTable(commitments, unknownPlanQueueAndChannel).getSingleResult().getEntryMap());
  }

  @ParameterizedTest(name = "a designer's table: a P2 on {0} gets its first response within {1} h")
  @CsvSource(textBlock = """
      ENTERPRISE, 1
      PRO,        4
      BUSINESS,   4
      FREE,       4
      """)
  void aDesignerGivesEnterpriseAFasterP2(String plan, long firstResponseHours) throws IOException {
    DmnDecision enterpriseFaster;
    try (InputStream model = CommitmentsDecisionTest.class.getResourceAsStream("/dmn/commitments-enterprise-faster-p2.dmn")) {
      enterpriseFaster = engine.parseDecision("commitments", model);
    }
    DmnDecisionRuleResult row = engine.evaluateDecisionTable(enterpriseFaster,
        Map.of("priority", "P2", "plan", plan, "queue", "support-web", "channel", "WEB")).getSingleResult();

    assertThat(CommitmentTargets.parse((String) row.get("firstResponse"), SupportCalendars.defaults().get("business")))
        .isEqualTo(Duration.ofHours(firstResponseHours));
    assertThat(row.get("resolution")).isEqualTo("P3D");
  }

  private static Duration hours(Long hours) {
    return hours == null ? null : Duration.ofHours(hours);
  }
}
