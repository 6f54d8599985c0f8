package ticketflow.lifecycle;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Stand-in for the {@code routing} bean that offers the model's later tasks to the ticket's queue: the queue the
 * stand-in OpenTicket recorded, as the real one records it on the ticket. Public, as the engine's expressions call it.
 */
public final class RoutingStandIn {

  private final Map<String, String> queues = new HashMap<>();

  void routed(String ticketId, String queue) {
    queues.put(ticketId, queue);
  }

  public String queue(DelegateExecution execution) {
    return queues.get(execution.getProcessBusinessKey());
  }
}
