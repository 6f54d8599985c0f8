package ticketflow.sla;

import ticketflow.TicketflowTest;

/** {@link CommitmentTimersProcessTest} on an in-memory H2. */
@TicketflowTest
class CommitmentTimersProcessOnH2Test extends CommitmentTimersProcessTest {
}
