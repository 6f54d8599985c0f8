package ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** A deployment's SLA timers and ladder tasks declare commitments ticketflow keeps and step names it can read. */
class SlaTimerCheckTest {

  private final SlaTimerCheck check = new SlaTimerCheck();

  @Test
  void theShippedModelDeclaresEveryTimerWell() throws IOException {
    assertThat(problems(model())).isEmpty();
  }

  @Test
  void aTimerDeclaringACommitmentTicketflowDoesNotKeepIsNamed() throws IOException {
    assertThat(problems(model().replace("'FIRST_RESPONSE', 'AT_RISK'", "'FIRST_REPLY', 'AT_RISK'")))
        .containsExactly("timer 'FirstResponseAtRisk' declares commitment 'FIRST_REPLY', which ticketflow does not keep"
            + " (one of FIRST_RESPONSE, RESOLUTION, UPDATE).");
  }

  @Test
  void anUpdateTimerDeclaresItsDueStepAndALadderTaskItsStep() throws IOException {
    assertThat(problems(model().replace("'UPDATE', 'DUE'", "'UPDATE', 'AT_RISK'")
        .replace("<camunda:inputParameter name=\"step\">LEVEL_2</camunda:inputParameter>", "")))
        .contains("timer 'UpdateDue' declares update step 'AT_RISK'; the update timer's step is DUE.")
        .anySatisfy(p -> assertThat(p).startsWith("service task 'Escalate").contains("declares step 'null'"));
  }

  @Test
  void aTimerThatCallsSlaDueInAnotherWayIsNamed() throws IOException {
    assertThat(problems(model().replace("${slaDue.at(execution, 'RESOLUTION', 'AT_RISK')}", "${slaDue.at(execution, \"RESOLUTION\")}")))
        .singleElement().satisfies(p -> assertThat(p).startsWith("timer 'ResolutionAtRisk' calls slaDue but not as"));
  }

  private List<String> problems(String model) {
    return check.problems(Bpmn.readModelFromStream(new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8))));
  }

  private static String model() throws IOException {
    return Files.readString(Path.of("bpmn", "ticket-lifecycle.bpmn"));
  }
}
