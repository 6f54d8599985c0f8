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
 * The queue policy: abuse, billing and sales tickets go to their team whatever
 * the channel; every other ticket goes to the support queue of the agent channel it was assigned.
 * Every category is asked with every agent channel of bpmn/queue.dmn.
 */
@DisplayName("Tickets are routed to the team for their category, otherwise to the queue of their channel")
class QueueDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision queue;

  @BeforeAll
  static void parseTheDecisionFromTheModelFolder() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = Files.newInputStream(Path.of("bpmn", "queue.dmn"))) {
      queue = engine.parseDecision("queue", model);
    }
  }

  @ParameterizedTest(name = "{0} served by {1} goes to {2}")
  @CsvSource(textBlock = """
      # category,           channel, queue
      ABUSE_REPORT,         WEB,     trust-and-safety
      ABUSE_REPORT,         CHAT,    trust-and-safety
      ABUSE_REPORT,         PHONE,   trust-and-safety
      BILLING_DISCREPANCY,  WEB,     billing
      BILLING_DISCREPANCY,  CHAT,    billing
      BILLING_DISCREPANCY,  PHONE,   billing
      SALES_INQUIRY,        WEB,     sales
      SALES_INQUIRY,        CHAT,    sales
      SALES_INQUIRY,        PHONE,   sales
      TECHNICAL,            WEB,     support-web
      TECHNICAL,            CHAT,    support-chat
      TECHNICAL,            PHONE,   support-phone
      ACCOUNT,              WEB,     support-web
      ACCOUNT,              CHAT,    support-chat
      ACCOUNT,              PHONE,   support-phone
      """)
  void categoryAndAssignedChannelDecideTheQueue(String category, String channel, String expected) {
    String routed = engine.evaluateDecisionTable(queue, Variables.createVariables()
            .putValue("category", category)
            .putValue("channel", channel))
        .getSingleResult()
        .getSingleEntry();

    assertThat(routed).isEqualTo(expected);
  }
}
