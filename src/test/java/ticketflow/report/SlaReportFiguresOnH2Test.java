package ticketflow.report;

import ticketflow.TicketflowTest;

/** {@link SlaReportFiguresTest} on H2. */
@TicketflowTest
class SlaReportFiguresOnH2Test extends SlaReportFiguresTest {
}
