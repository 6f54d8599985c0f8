package ticketflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ticketflow.calendar.SupportCalendars;

/**
 * The decision tables in bpmn/, edited as a designer might, asked every combination ticketflow may ask them: a
 * combination without an answer, or an answer the code does not know, is named. DMN engine only, no process engine.
 */
class DecisionTableCheckTest {

  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final DecisionTableCheck check = new DecisionTableCheck(new DecisionAnswersPolicy(SupportCalendars.defaults()));

  @ParameterizedTest
  @ValueSource(strings = {"entitlement", "priority", "queue", "commitments"})
  void theShippedTablesAnswerEveryTicketWithWhatTheCodeKnows(String table) throws IOException {
    assertThat(problems(table, t -> t)).isEmpty();
  }

  @Test
  void aCommitmentsTableWithoutItsP4RowNamesP4() throws IOException {
    assertThat(problems("commitments", t -> withoutRule(t, "lowCommitments")))
        .containsExactly("Decision 'commitments' answers nothing for priority P4: a ticket with these values would fail.");
  }

  @Test
  void p4IsAskedEvenWhenTheTableNoLongerDeclaresIt() throws IOException {
    assertThat(problems("commitments", t -> withoutRule(t, "lowCommitments").replace("\"P1\",\"P2\",\"P3\",\"P4\"", "\"P1\",\"P2\",\"P3\"")))
        .containsExactly("Decision 'commitments' answers nothing for priority P4: a ticket with these values would fail.");
  }

  @Test
  void aCalendarNameWithATypoIsNamedWithItsPriority() throws IOException {
    assertThat(problems("commitments", t -> t.replace(
        "<outputEntry id=\"highCalendar\"><text>\"business\"</text>", "<outputEntry id=\"highCalendar\"><text>\"busines\"</text>")))
        .containsExactly("Decision 'commitments' answers calendar 'busines' for priority P2, which is no support calendar"
            + " (configured: 24x7, business).");
  }

  @Test
  void aMissingOrUnreadableFirstResponseTargetIsNamed() throws IOException {
    assertThat(problems("commitments", t -> t
        .replace("<outputEntry id=\"normalFirstResponse\"><text>\"P1D\"</text>", "<outputEntry id=\"normalFirstResponse\"><text></text>")
        .replace("<outputEntry id=\"highFirstResponse\"><text>\"PT4H\"</text>", "<outputEntry id=\"highFirstResponse\"><text>\"4 hours\"</text>")))
        .containsExactly(
            "Decision 'commitments' answers firstResponse '4 hours' for priority P2: Commitment target '4 hours' is not an"
                + " ISO-8601 duration of days, hours, minutes and seconds such as PT4H, P1D or P1DT4H.",
            "Decision 'commitments' answers no firstResponse for priority P3: every priority needs a first-response target.");
  }

  @Test
  void aPriorityRowRemovedNamesEveryCombinationItLeavesOpen() throws IOException {
    assertThat(problems("priority", t -> withoutRule(t, "outageWithoutWorkaround")))
        .containsExactly("Decision 'priority' answers nothing for impact SERVICE_DOWN, workaround NONE; impact SEVERELY_DEGRADED,"
            + " workaround NONE: a ticket with these values would fail.");
  }

  @Test
  void overlappingRulesOfAUniqueTableAreAFailureOfTheCombination() throws IOException {
    assertThat(problems("priority", t -> t.replace(
        "<inputEntry id=\"featureIssueImpact\"><text>\"FEATURE_ISSUE\"</text>", "<inputEntry id=\"featureIssueImpact\"><text>\"FEATURE_ISSUE\",\"FEATURE_REQUEST\"</text>")))
        .containsExactly("Decision 'priority' fails for impact FEATURE_REQUEST, workaround NONE; impact FEATURE_REQUEST,"
            + " workaround PARTIAL; impact FEATURE_REQUEST, workaround AVAILABLE: rules featureIssue, noBusinessImpact all match,"
            + " and the hit policy allows only one.");
  }

  @Test
  void aQueueThatIsNoAgentGroupIsNamedWithTheCombinationsRoutedThere() throws IOException {
    assertThat(problems("queue", t -> t.replace("<text>\"support-web\"</text></outputEntry>", "<text>\"support-email\"</text></outputEntry>")))
        .containsExactly("Decision 'queue' answers queue 'support-email' for category TECHNICAL, channel WEB; category ACCOUNT,"
            + " channel WEB, which is no agent queue (billing, engineering, engineering-oncall, sales, support-chat, support-oncall,"
            + " support-phone, support-web, trust-and-safety).");
  }

  @Test
  void anEntitlementToAChannelThatDoesNotExistIsNamedAndItsManyCombinationsCounted() throws IOException {
    assertThat(problems("entitlement", t -> t.replace("<text>\"CHATBOT\"</text></outputEntry>", "<text>\"BOT\"</text></outputEntry>")))
        .containsExactly("Decision 'entitlement' answers channel 'BOT' for plan FREE, role OWNER, category TECHNICAL;"
            + " plan FREE, role OWNER, category ACCOUNT; plan FREE, role OWNER, category ABUSE_REPORT and 117 more combinations,"
            + " which is no channel (SELF_SERVICE, CHATBOT, WEB, CHAT, PHONE).");
  }

  @Test
  void aPriorityThatDoesNotExistIsNamed() throws IOException {
    assertThat(problems("priority", t -> t.replace("<outputEntry id=\"featureIssuePriority\"><text>\"P3\"</text>",
        "<outputEntry id=\"featureIssuePriority\"><text>\"P5\"</text>")))
        .containsExactly("Decision 'priority' answers priority 'P5' for impact FEATURE_ISSUE, workaround NONE; impact FEATURE_ISSUE,"
            + " workaround PARTIAL; impact FEATURE_ISSUE, workaround AVAILABLE, which is no priority (P1, P2, P3, P4).");
  }

  @Test
  void aCommitmentsTableThatGivesEnterpriseAFasterP2AnswersEveryTicket() throws IOException {
    String table = new String(DecisionTableCheckTest.class.getResourceAsStream("/dmn/commitments-enterprise-faster-p2.dmn")
        .readAllBytes(), StandardCharsets.UTF_8);

    assertThat(check.problems(ENGINE, Dmn.readModelFromStream(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)))))
        .isEmpty();
  }

  @Test
  void aP2RowForEnterpriseOnlyNamesThePlansItLeavesWithoutAnAnswer() throws IOException {
    assertThat(problems("commitments", t -> t.replace(
        "<inputEntry id=\"highPlan\"><text></text>", "<inputEntry id=\"highPlan\"><text>\"ENTERPRISE\"</text>")))
        .containsExactly("Decision 'commitments' answers nothing for priority P2, plan FREE; priority P2, plan PRO; priority P2,"
            + " plan BUSINESS and 2 more combinations: a ticket with these values would fail.");
  }

  @Test
  void aQueueTheCodeNeverRoutesToIsNoAnswer() throws IOException {
    assertThat(problems("commitments", t -> t.replace(
        "<inputEntry id=\"highQueue\"><text></text>", "<inputEntry id=\"highQueue\"><text>\"billing\"</text>")))
        .singleElement().asString()
        .startsWith("Decision 'commitments' answers nothing for priority P2, queue engineering; priority P2, queue engineering-oncall;")
        .contains("and 5 more combinations");
  }

  /** The table without one rule, as deleting the row in Camunda Modeler leaves it. */
  private static String withoutRule(String table, String ruleId) {
    return table.replaceAll("(?s)<rule id=\"" + ruleId + "\">.*?</rule>", "");
  }

  private List<String> problems(String table, UnaryOperator<String> edit) throws IOException {
    String xml = edit.apply(Files.readString(Path.of("bpmn", table + ".dmn")));
    return check.problems(ENGINE, Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
  }
}
