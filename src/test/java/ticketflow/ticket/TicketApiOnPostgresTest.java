package ticketflow.ticket;

import ticketflow.TicketflowPostgresTest;

/** {@link TicketApiTest} on PostgreSQL. */
@TicketflowPostgresTest
class TicketApiOnPostgresTest extends TicketApiTest {
}
