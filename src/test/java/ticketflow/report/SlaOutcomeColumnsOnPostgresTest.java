package ticketflow.report;

import ticketflow.TicketflowPostgresTest;

/** {@link SlaOutcomeColumnsTest} on PostgreSQL. */
@TicketflowPostgresTest
class SlaOutcomeColumnsOnPostgresTest extends SlaOutcomeColumnsTest {
}
