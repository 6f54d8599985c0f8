package ticketflow.retention;

import ticketflow.TicketflowTest;

/** {@link ErasureApiTest} on H2. */
@TicketflowTest
class ErasureApiOnH2Test extends ErasureApiTest {
}
