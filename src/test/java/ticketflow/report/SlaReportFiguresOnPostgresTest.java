package ticketflow.report;

import ticketflow.TicketflowPostgresTest;

/** {@link SlaReportFiguresTest} on PostgreSQL: the report's SQL as it runs there. */
@TicketflowPostgresTest
class SlaReportFiguresOnPostgresTest extends SlaReportFiguresTest {
}
