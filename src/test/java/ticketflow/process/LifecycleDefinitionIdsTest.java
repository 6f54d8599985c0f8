package ticketflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/** A ticket's instances are told apart from any other process's by their definition id alone. */
@TicketflowTest
class LifecycleDefinitionIdsTest {

  @Autowired ProcessEngine engine;
  @Autowired TicketProcess process;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void everyDeployedLifecycleVersionIsRecognisedByItsIdAndNoOtherProcessIs() {
    var definitions = engine.getRepositoryService().createProcessDefinitionQuery().list();
    assertThat(definitions).filteredOn(d -> ModelContract.PROCESS.equals(d.getKey())).isNotEmpty()
        .allMatch(d -> ModelContract.isLifecycle(d.getId()));
    assertThat(definitions).filteredOn(d -> !ModelContract.PROCESS.equals(d.getKey()))
        .map(ProcessDefinition::getId).noneMatch(ModelContract::isLifecycle);
    assertThat(ModelContract.isLifecycle("ticket-lifecycle-archive:1:42")).isFalse();
    assertThat(ModelContract.isLifecycle(null)).isFalse();
  }

  @Test
  void aSubmittedTicketRunsAndAnUnknownOneDoesNot() throws Exception {
    String ticketId = new TicketApi(mvc, json, engine.getTaskService()).submitId(TicketApi.ticket());

    assertThat(process.isRunning(ticketId)).isTrue();
    assertThat(process.isRunning("TF-0")).isFalse();
  }
}
