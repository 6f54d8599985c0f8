package ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  private static Duration hours(Long hours) {
    return hours == null ? null : Duration.ofHours(hours);
  }
}
