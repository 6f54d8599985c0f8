package ticketflow.intake;

import ticketflow.TicketflowPostgresTest;

/** {@link ConcurrentIdempotencyTest} on PostgreSQL. */
@TicketflowPostgresTest
class ConcurrentIdempotencyOnPostgresTest extends ConcurrentIdempotencyTest {
}
