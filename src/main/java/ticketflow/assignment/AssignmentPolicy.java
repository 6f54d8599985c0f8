package ticketflow.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whom a queue's new task goes to, among the members who are available. "In turn" is the order of user ids starting
 * after the agent the queue gave its last task to, so that turns survive restarts and agents coming and going.
 */
final class AssignmentPolicy {

  /** Empty when the queue is manual or nobody is available: the task stays in the queue unassigned. */
  Optional<String> choose(AssignmentMode mode, Collection<String> available, Map<String, Long> openTasks, String lastAssignee) {
    if (mode == AssignmentMode.MANUAL || available.isEmpty()) {
      return Optional.empty();
    }
    List<String> inTurn = inTurn(available, lastAssignee);
    if (mode == AssignmentMode.ROUND_ROBIN) {
      return Optional.of(inTurn.get(0));
    }
    // min keeps the first of equals: the one whose turn comes first.
    return inTurn.stream().min(Comparator.comparingLong(agent -> openTasks.getOrDefault(agent, 0L)));
  }

  /** The members in turn: ids after the last assignee's first, then from the start. */
  static List<String> inTurn(Collection<String> members, String lastAssignee) {
    List<String> sorted = members.stream().sorted().distinct().toList();
    if (lastAssignee == null) {
      return sorted;
    }
    List<String> turn = new ArrayList<>(sorted.stream().filter(m -> m.compareTo(lastAssignee) > 0).toList());
    turn.addAll(sorted.stream().filter(m -> m.compareTo(lastAssignee) <= 0).toList());
    return turn;
  }
}
