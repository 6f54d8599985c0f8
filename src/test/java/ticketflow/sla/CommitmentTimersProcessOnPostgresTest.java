package ticketflow.sla;

import ticketflow.TicketflowPostgresTest;

/** {@link CommitmentTimersProcessTest} on PostgreSQL. */
@TicketflowPostgresTest
class CommitmentTimersProcessOnPostgresTest extends CommitmentTimersProcessTest {
}
