package ticketflow.process;

import java.time.Duration;

/**
 * Operator settings of the lifecycle: how long a silent customer is awaited before the ticket closes itself (read when
 * the wait starts, {@link AutoClose}), and how long after closing a customer's message still reopens it.
 */
public record LifecycleSettings(Duration autoCloseAfter, Duration reopenWindow) {
}
