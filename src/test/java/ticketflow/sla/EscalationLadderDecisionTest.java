package ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The escalation ladder of the support policy, asked of bpmn/escalation-ladder.dmn on its own for every commitment,
 * priority and time of submission, and merged into steps as the engine merges them: at 75 % the queue and the
 * leads are warned; at 100 % the ticket is breached and offered to the leads (a P1 also to on-call engineering,
 * who are mailed too); at 150 % to the managers, who are mailed; a P2 submitted outside business hours reaches the
 * on-call queue at every step.
 */
@DisplayName("Each commitment climbs the escalation ladder of the policy")
class EscalationLadderDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision ladder;
  private final EscalationLadderPolicy policy = new EscalationLadderPolicy();

  @BeforeAll
  static void parseTheDecisionFromTheModelFolder() throws IOException {
    engine = new DefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = Files.newInputStream(Path.of("bpmn", "escalation-ladder.dmn"))) {
      ladder = engine.parseDecision("escalation-ladder", model);
    }
  }

  @ParameterizedTest(name = "{0} {1}, after hours {2}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
      # commitment  | priority | after hours | steps: step percent state level offerTo mailTo; …
      FIRST_RESPONSE | P1 | false | AT_RISK 75 AT_RISK 0 - queue,support-leads; BREACHED 100 BREACHED 1 support-leads,engineering-oncall queue,support-leads,engineering-oncall; LEVEL_2 150 BREACHED 2 support-managers support-managers
      FIRST_RESPONSE | P1 | true  | AT_RISK 75 AT_RISK 0 - queue,support-leads; BREACHED 100 BREACHED 1 support-leads,engineering-oncall queue,support-leads,engineering-oncall; LEVEL_2 150 BREACHED 2 support-managers support-managers
      FIRST_RESPONSE | P2 | false | AT_RISK 75 AT_RISK 0 - queue,support-leads; BREACHED 100 BREACHED 1 support-leads queue,support-leads; LEVEL_2 150 BREACHED 2 support-managers support-managers
      FIRST_RESPONSE | P2 | true  | AT_RISK 75 AT_RISK 0 support-oncall queue,support-leads,support-oncall; BREACHED 100 BREACHED 1 support-leads,support-oncall queue,support-leads,support-oncall; LEVEL_2 150 BREACHED 2 support-managers,support-oncall support-managers,support-oncall
      FIRST_RESPONSE | P3 | false | AT_RISK 75 AT_RISK 0 - queue,support-leads; BREACHED 100 BREACHED 1 support-leads queue,support-leads; LEVEL_2 150 BREACHED 2 support-managers support-managers
      FIRST_RESPONSE | P3 | true  | AT_RISK 75 AT_RISK 0 - queue,support-leads; BREACHED 100 BREACHED 1 support-leads queue,support-leads; LEVEL_2 150 BREACHED 2 support-managers support-managers
      FIRST_RESPONSE | P4 | false | AT_RISK 75 AT_RISK 0 - queue,support-leads; BREACHED 100 BREACHED 1 support-leads queue,support-leads; LEVEL_2 150 BREACHED 2 support-managers support-managers
      FIRST_RESPONSE | P4 | true  | AT_RISK 75 AT_RISK 0 - queue,support-leads; BREACHED 100 BREACHED 1 support-leads queue,support-leads; LEVEL_2 150 BREACHED 2 support-managers support-managers
      RESOLUTION     | P1 | false | AT_RISK 75 AT_RISK 0 - queue,support-leads; BREACHED 100 BREACHED 1 support-leads,engineering-oncall queue,support-leads,engineering-oncall; LEVEL_2 150 BREACHED 2 support-managers support-managers
      RESOLUTION     | P2 | true  | AT_RISK 75 AT_RISK 0 support-oncall queue,support-leads,support-oncall; BREACHED 100 BREACHED 1 support-leads,support-oncall queue,support-leads,support-oncall; LEVEL_2 150 BREACHED 2 support-managers,support-oncall support-managers,support-oncall
      RESOLUTION     | P3 | false | AT_RISK 75 AT_RISK 0 - queue,support-leads; BREACHED 100 BREACHED 1 support-leads queue,support-leads; LEVEL_2 150 BREACHED 2 support-managers support-managers
      RESOLUTION     | P4 | true  | AT_RISK 75 AT_RISK 0 - queue,support-leads; BREACHED 100 BREACHED 1 support-leads queue,support-leads; LEVEL_2 150 BREACHED 2 support-managers support-managers
      """)
  void theCommitmentClimbsItsLadder(String commitment, String priority, boolean afterHours, String steps) {
    List<Map<String, Object>> rows = engine.evaluateDecisionTable(ladder,
        Map.of("commitment", commitment, "priority", priority, "afterHours", afterHours)).getResultList();
    List<LadderRung> rungs = policy.merge(rows.stream().map(r -> new EscalationLadderPolicy.Row((String) r.get("step"),
        number(r.get("percent")), (String) r.get("state"), number(r.get("level")), (String) r.get("offerTo"),
        (String) r.get("mailTo"))).toList());

    assertThat(rungs.stream().map(EscalationLadderDecisionTest::describe).toList())
        .containsExactly(steps.split(";\\s*"));
  }

  private static String describe(LadderRung r) {
    return r.step() + " " + r.percent() + " " + r.state() + " " + r.level() + " "
        + (r.offerTo().isEmpty() ? "-" : String.join(",", r.offerTo())) + " " + (r.mailTo().isEmpty() ? "-" : String.join(",", r.mailTo()));
  }

  private static Integer number(Object value) {
    return value instanceof Number n ? n.intValue() : null;
  }
}
