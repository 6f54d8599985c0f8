package ticketflow.intake;

import ticketflow.TicketflowPostgresTest;

/** {@link SubmitTicketApiTest} on PostgreSQL. */
@TicketflowPostgresTest
class SubmitTicketApiOnPostgresTest extends SubmitTicketApiTest {
}
