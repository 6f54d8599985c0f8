package ticketflow.intake;

import ticketflow.TicketflowPostgresTest;

/** {@link SubmitTicketTransactionTest} on PostgreSQL. */
@TicketflowPostgresTest
class SubmitTicketTransactionOnPostgresTest extends SubmitTicketTransactionTest {
}
