package ticketflow.report;

import java.time.Instant;
import java.util.List;

/**
 * The SLA figures managers watch, as {@code GET /api/reports/sla} and the Cockpit board show them.
 *
 * @param generatedAt the engine time the figures were computed at ("now" for times to due)
 * @param openTickets tickets neither closed nor deflected, counted by priority and status, as of now
 * @param atRisk clocks of open tickets in state AT_RISK (75 % of the target used), as of now
 * @param breached clocks of open tickets in state BREACHED, as of now
 * @param firstResponse first-response compliance and median for tickets created in [from, to)
 */
public record SlaFigures(Instant generatedAt, OpenTickets openTickets, List<OverdueClock> atRisk, List<OverdueClock> breached,
    FirstResponseWindow firstResponse) {

  /** Open tickets: the total and one entry per priority and status that has any (priority UNTRIAGED before triage). */
  public record OpenTickets(long total, List<OpenCount> byPriorityAndStatus) {
  }

  public record OpenCount(String priority, String status, long count) {
  }

  /**
   * One commitment clock of an open ticket that is at risk or breached; {@code secondsToDue} is negative when the
   * due time has passed (then {@code -secondsToDue} seconds past due). {@code processInstanceId} is null when the
   * ticket's instance has ended.
   */
  public record OverdueClock(String ticketId, String priority, String queue, String status, String commitment, String state,
      Instant dueAt, long secondsToDue, String processInstanceId) {
  }

  /**
   * First-response compliance of tickets created in [from, to): among those whose FIRST_RESPONSE clock is decided
   * (state MET or BREACHED), the share whose first response was MET no later than its due time. A clock that breached
   * and was answered later is MET with metAt after dueAt: decided, not compliant. Running clocks are not counted yet.
   * {@code rate} is null when nothing was decided. The median is over tickets answered (MET), from the ticket's
   * creation to the first response, in wall-clock seconds.
   */
  public record FirstResponseWindow(Instant from, Instant to, long decided, long met, Double rate,
      Long medianSeconds, List<PriorityCompliance> byPriority) {
  }

  public record PriorityCompliance(String priority, long decided, long met, Double rate, Long medianSeconds) {
  }
}
