package ticketflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whom a queue's new task goes to, rule by rule. */
class AssignmentPolicyTest {

  final AssignmentPolicy policy = new AssignmentPolicy();
  final List<String> team = List.of("cleo", "ann", "bob");

  @Test
  void aManualQueueOrNobodyAvailableAssignsNobody() {
    assertThat(policy.choose(AssignmentMode.MANUAL, team, Map.of(), null)).isEmpty();
    assertThat(policy.choose(AssignmentMode.LEAST_LOADED, List.of(), Map.of(), "ann")).isEmpty();
    assertThat(policy.choose(AssignmentMode.ROUND_ROBIN, List.of(), Map.of(), "ann")).isEmpty();
  }

  @Test
  void roundRobinTakesTheNextIdAfterTheLastAssigneeWhateverTheLoad() {
    Map<String, Long> load = Map.of("ann", 0L, "bob", 9L, "cleo", 3L);
    assertThat(policy.choose(AssignmentMode.ROUND_ROBIN, team, load, null)).contains("ann");
    assertThat(policy.choose(AssignmentMode.ROUND_ROBIN, team, load, "ann")).contains("bob");
    assertThat(policy.choose(AssignmentMode.ROUND_ROBIN, team, load, "cleo")).contains("ann");
    // The last one left the queue (or went unavailable): the turn goes on from where they stood.
    assertThat(policy.choose(AssignmentMode.ROUND_ROBIN, team, load, "bea")).contains("bob");
  }

  @Test
  void leastLoadedTakesTheFewestOpenTasksAndTiesInTurn() {
    assertThat(policy.choose(AssignmentMode.LEAST_LOADED, team, Map.of("ann", 2L, "bob", 1L, "cleo", 1L), null)).contains("bob");
    assertThat(policy.choose(AssignmentMode.LEAST_LOADED, team, Map.of("ann", 2L, "bob", 1L, "cleo", 1L), "bob")).contains("cleo");
    assertThat(policy.choose(AssignmentMode.LEAST_LOADED, team, Map.of("ann", 0L, "bob", 0L, "cleo", 0L), "cleo")).contains("ann");
    // An agent the counts do not know holds nothing.
    assertThat(policy.choose(AssignmentMode.LEAST_LOADED, team, Map.of("ann", 1L, "bob", 1L), "ann")).contains("cleo");
  }
}
