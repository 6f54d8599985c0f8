package ticketflow.process;

import java.time.Duration;

/** Operator settings the lifecycle process reads when a ticket starts. */
public record LifecycleSettings(Duration autoCloseAfter) {
}
