package ticketflow.report;

import java.time.Instant;
import java.util.List;

/**
 * What the Cockpit "Ticket SLA board" shows ({@code GET /api/reports/sla/board}): the figures of
 * {@link SlaFigures} as of now, with first-response compliance over the last 7 and the last 30 days. The board's
 * window picker reads the rest (per queue, resolution, updates, satisfaction, trend) from {@code /api/reports/sla?days=}.
 */
public record SlaBoard(Instant generatedAt, SlaFigures.OpenTickets openTickets, List<SlaFigures.OverdueClock> atRisk,
    List<SlaFigures.OverdueClock> breached, SlaFigures.Compliance firstResponse7d, SlaFigures.Compliance firstResponse30d) {
}
