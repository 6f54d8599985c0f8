package ticketflow.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The priority policy: impact and workaround decide how urgent a ticket is.
 * The table below is the policy's table, one line per cell, and every cell is asked of bpmn/priority.dmn.
 */
@DisplayName("Ticket priority follows impact and workaround")
class PriorityDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision priority;

  @BeforeAll
  static void parseTheDecisionFromTheModelFolder() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = Files.newInputStream(Path.of("bpmn", "priority.dmn"))) {
      priority = engine.parseDecision("priority", model);
    }
  }

  @ParameterizedTest(name = "{0} with workaround {1} is {2}")
  @CsvSource(textBlock = """
      # impact,                       workaround, priority
      SERVICE_DOWN,                   NONE,       P1
      SERVICE_DOWN,                   PARTIAL,    P2
      SERVICE_DOWN,                   AVAILABLE,  P2
      SEVERELY_DEGRADED,              NONE,       P1
      SEVERELY_DEGRADED,              PARTIAL,    P2
      SEVERELY_DEGRADED,              AVAILABLE,  P2
      MAJOR_FEATURE_DEGRADED,         NONE,       P2
      MAJOR_FEATURE_DEGRADED,         PARTIAL,    P2
      MAJOR_FEATURE_DEGRADED,         AVAILABLE,  P3
      FEATURE_ISSUE,                  NONE,       P3
      FEATURE_ISSUE,                  PARTIAL,    P3
      FEATURE_ISSUE,                  AVAILABLE,  P3
      INFORMATION_REQUEST,            NONE,       P4
      INFORMATION_REQUEST,            PARTIAL,    P4
      INFORMATION_REQUEST,            AVAILABLE,  P4
      FEATURE_REQUEST,                NONE,       P4
      FEATURE_REQUEST,                PARTIAL,    P4
      FEATURE_REQUEST,                AVAILABLE,  P4
      INSTALLATION_OR_CONFIGURATION,  NONE,       P4
      INSTALLATION_OR_CONFIGURATION,  PARTIAL,    P4
      INSTALLATION_OR_CONFIGURATION,  AVAILABLE,  P4
      """)
  void impactAndWorkaroundDecideThePriority(String impact, String workaround, String expected) {
    String decided = engine.evaluateDecisionTable(priority, Variables.createVariables()
            .putValue("impact", impact)
            .putValue("workaround", workaround))
        .getSingleResult()
        .getSingleEntry();

    assertThat(decided).isEqualTo(expected);
  }
}
