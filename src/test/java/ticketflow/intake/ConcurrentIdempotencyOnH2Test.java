package ticketflow.intake;

import ticketflow.TicketflowServerTest;

/** {@link ConcurrentIdempotencyTest} on an in-memory H2. */
@TicketflowServerTest
class ConcurrentIdempotencyOnH2Test extends ConcurrentIdempotencyTest {
}
