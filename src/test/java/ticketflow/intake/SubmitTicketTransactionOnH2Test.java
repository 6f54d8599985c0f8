package ticketflow.intake;

import ticketflow.TicketflowTest;

/** {@link SubmitTicketTransactionTest} on an in-memory H2. */
@TicketflowTest
class SubmitTicketTransactionOnH2Test extends SubmitTicketTransactionTest {
}
