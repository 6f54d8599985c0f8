package ticketflow.report;

import ticketflow.TicketflowTest;

/** {@link SlaOutcomeColumnsTest} on H2. */
@TicketflowTest
class SlaOutcomeColumnsOnH2Test extends SlaOutcomeColumnsTest {
}
