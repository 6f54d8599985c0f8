package ticketflow.report;

import java.time.Instant;
import java.util.List;

/**
 * What the Cockpit "Ticket SLA board" shows ({@code GET /api/reports/sla/board}): the figures of
 * {@link SlaFigures} as of now, with first-response compliance over the last 7 and the last 30 days.
 */
public record SlaBoard(Instant generatedAt, SlaFigures.OpenTickets openTickets, List<SlaFigures.OverdueClock> atRisk,
    List<SlaFigures.OverdueClock> breached, SlaFigures.FirstResponseWindow firstResponse7d,
    SlaFigures.FirstResponseWindow firstResponse30d) {
}
