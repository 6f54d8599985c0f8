package ticketflow.intake;

import ticketflow.TicketflowTest;

/** {@link SubmitTicketApiTest} on an in-memory H2. */
@TicketflowTest
class SubmitTicketApiOnH2Test extends SubmitTicketApiTest {
}
