package ticketflow.lifecycle;

import java.time.Duration;

/** Operator settings the lifecycle process reads when a ticket starts. */
public record LifecycleSettings(Duration autoCloseAfter) {
}
