package ticketflow.agentwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import ticketflow.TicketflowPostgresTest;

/**
 * Nodes of a cluster restarting together on one PostgreSQL database each bring the Tasklist filters up to date at
 * start-up: none of them fails for it, and there stays one filter of each name.
 */
@TicketflowPostgresTest
class NodesStartingTogetherTest {

  static final int NODES = 4;

  @Autowired TasklistFilters tasklistFilters;
  @Autowired FilterService filters;

  @RepeatedTest(5)
  void nodesStartingAtTheSameMomentAllStart() {
    CyclicBarrier together = new CyclicBarrier(NODES);
    List<CompletableFuture<Void>> starts = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      starts.add(CompletableFuture.runAsync(() -> {
        try {
          together.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        tasklistFilters.run(new DefaultApplicationArguments());
      }));
    }
    starts.forEach(CompletableFuture::join);

    for (String name : List.of(TasklistFilters.MY_QUEUES, TasklistFilters.ESCALATED_TO_ME, TasklistFilters.ASSIGNED_TO_ME)) {
      assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
  }
}
