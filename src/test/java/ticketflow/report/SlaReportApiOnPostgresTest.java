package ticketflow.report;

import ticketflow.TicketflowPostgresTest;

/** {@link SlaReportApiTest} on PostgreSQL: the report's SQL as it runs there. */
@TicketflowPostgresTest
class SlaReportApiOnPostgresTest extends SlaReportApiTest {
}
