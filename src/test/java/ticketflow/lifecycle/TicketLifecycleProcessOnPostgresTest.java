package ticketflow.lifecycle;

import ticketflow.TicketflowPostgresTest;

/** {@link TicketLifecycleProcessTest} on PostgreSQL. */
@TicketflowPostgresTest
class TicketLifecycleProcessOnPostgresTest extends TicketLifecycleProcessTest {
}
