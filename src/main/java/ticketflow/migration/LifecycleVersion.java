package ticketflow.migration;

import java.time.Instant;

/** One deployed version of the ticket lifecycle, as administrators choose between them. */
record LifecycleVersion(int version, Instant deployedAt, long openTickets, boolean latest) {
}
