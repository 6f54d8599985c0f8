package ticketflow.process;

import org.springframework.stereotype.Component;
import ticketflow.process.ModelContract.Beans;

/**
 * How long the model's timers wait for a silent customer before the ticket closes itself
 * ({@code ${autoClose.after()}}): the operator's {@code ticketflow.auto-close-after}, read when the timer is created,
 * so no ticket keeps a copy of it. Public, as the engine's expressions call it.
 */
@Component(Beans.AUTO_CLOSE)
public class AutoClose {

  private final LifecycleSettings settings;

  AutoClose(LifecycleSettings settings) {
    this.settings = settings;
  }

  /** An ISO-8601 duration, as a timer's timeDuration takes it. */
  public String after() {
    return settings.autoCloseAfter().toString();
  }
}
