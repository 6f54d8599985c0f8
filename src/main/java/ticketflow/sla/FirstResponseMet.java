package ticketflow.sla;

import java.time.Duration;
import ticketflow.ticket.Priority;

/** The first reply went out {@code time} after the ticket was created. */
public record FirstResponseMet(String ticketId, Priority priority, Duration time) {
}
