package ticketflow.migration;

import ticketflow.TicketflowTest;

/** {@link LifecycleMigrationTest} on an in-memory H2. */
@TicketflowTest
class LifecycleMigrationOnH2Test extends LifecycleMigrationTest {
}
