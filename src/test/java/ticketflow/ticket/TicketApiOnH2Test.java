package ticketflow.ticket;

import ticketflow.TicketflowTest;

/** {@link TicketApiTest} on an in-memory H2. */
@TicketflowTest
class TicketApiOnH2Test extends TicketApiTest {
}
