package ticketflow.report;

import ticketflow.TicketflowTest;

/** {@link SlaReportApiTest} on H2. */
@TicketflowTest
class SlaReportApiOnH2Test extends SlaReportApiTest {
}
