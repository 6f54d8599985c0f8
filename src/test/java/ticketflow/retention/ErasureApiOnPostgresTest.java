package ticketflow.retention;

import ticketflow.TicketflowPostgresTest;

/** {@link ErasureApiTest} on PostgreSQL. */
@TicketflowPostgresTest
class ErasureApiOnPostgresTest extends ErasureApiTest {
}
