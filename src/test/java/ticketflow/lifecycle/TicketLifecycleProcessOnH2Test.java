package ticketflow.lifecycle;

import ticketflow.TicketflowTest;

/** {@link TicketLifecycleProcessTest} on an in-memory H2. */
@TicketflowTest
class TicketLifecycleProcessOnH2Test extends TicketLifecycleProcessTest {
}
