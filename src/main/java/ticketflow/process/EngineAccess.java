package ticketflow.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * ticketflow's own bookkeeping on the engine (moving its timers, offering tasks, reading the commitments table)
 * runs as the system, not as the agent whose task completion triggered it: the agent may complete the task,
 * but has no business moving jobs.
 */
public final class EngineAccess {

  private EngineAccess() {
  }

  public static <T> T asSystem(Supplier<T> work) {
    CommandContext context = Context.getCommandContext();
    return context == null ? work.get() : context.runWithoutAuthorization(work::get);
  }

  public static void asSystem(Runnable work) {
    asSystem(() -> {
      work.run();
      return null;
    });
  }
}
