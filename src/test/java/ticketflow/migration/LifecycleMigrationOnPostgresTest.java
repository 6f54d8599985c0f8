package ticketflow.migration;

import ticketflow.TicketflowPostgresTest;

/** {@link LifecycleMigrationTest} on PostgreSQL. */
@TicketflowPostgresTest
class LifecycleMigrationOnPostgresTest extends LifecycleMigrationTest {
}
