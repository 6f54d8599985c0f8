package ticketflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/** The engine's history of a ticket: where it waits, not every decision and service task it passed on the way. */
@TicketflowTest
class PassingStepsHistoryTest {

  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void anOpenTicketsHistoryHoldsItsTaskAndWaitingTimersButNoPassingStep() throws Exception {
    String ticketId = new TicketApi(mvc, json, engine.getTaskService()).submit(TicketApi.ticket()).path("id").asText();

    String instanceId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ticketId).singleResult().getId();
    List<String> types = history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).list().stream()
        .map(HistoricActivityInstance::getActivityType).toList();

    assertThat(types).contains("userTask", "intermediateTimer").doesNotContainAnyElementsOf(PassingStepsHistory.PASSING);
  }

  @Test
  void recordingEveryStepLeavesTheEnginesOwnHistoryWriterInPlace() {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    new PassingStepsHistoryPlugin(true).preInit(configuration);
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isTrue();
    assertThat(configuration.getCustomHistoryEventHandlers()).noneMatch(PassingStepsHistory.class::isInstance);

    new PassingStepsHistoryPlugin(false).preInit(configuration);
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isFalse();
    assertThat(configuration.getCustomHistoryEventHandlers().get(0)).isInstanceOf(PassingStepsHistory.class);
  }
}
