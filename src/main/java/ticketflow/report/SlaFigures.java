package ticketflow.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The SLA figures managers watch, as {@code GET /api/reports/sla} and the Cockpit board show them.
 *
 * @param generatedAt the engine time the figures were computed at ("now" for times to due)
 * @param openTickets tickets neither closed nor deflected, counted by priority and status, as of now
 * @param atRisk clocks of open tickets in state AT_RISK (75 % of the target used), as of now
 * @param breached clocks of open tickets in state BREACHED, as of now
 * @param firstResponse first-response compliance and median for tickets created in [from, to)
 * @param resolution resolution compliance and median (creation to resolution) for tickets created in [from, to)
 * @param update periodic-update compliance for tickets created in [from, to)
 * @param byQueue per queue: open, at-risk and breached tickets now; compliance and satisfaction of the window's tickets
 * @param satisfaction the customers' scores of tickets created in [from, to)
 * @param trend one entry per day of the window in {@code zone}, the first and last day cut to the window
 * @param zone the support calendar's zone the trend's days are counted in
 */
public record SlaFigures(Instant generatedAt, OpenTickets openTickets, List<OverdueClock> atRisk, List<OverdueClock> breached,
    Compliance firstResponse, Compliance resolution, UpdateCompliance update, List<QueueFigures> byQueue,
    Satisfaction satisfaction, List<TrendDay> trend, String zone) {

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
   * Compliance of a commitment (first response, resolution) for tickets created in [from, to): among those whose clock
   * is decided (state MET or BREACHED), the share MET no later than its due time. A clock that breached and was met later
   * is MET with metAt after dueAt: decided, not compliant. Running clocks are not counted yet. {@code rate} is null when
   * nothing was decided. The median is over the clocks met, from the ticket's creation to metAt, in whole seconds.
   */
  public record Compliance(Instant from, Instant to, long decided, long met, Double rate,
      Long medianSeconds, List<PriorityCompliance> byPriority) {
  }

  public record PriorityCompliance(String priority, long decided, long met, Double rate, Long medianSeconds) {
  }

  /**
   * Periodic updates of tickets created in [from, to): every update period that ended is decided, met when an agent's
   * update went out before it fell due, breached when it fell due first.
   */
  public record UpdateCompliance(Instant from, Instant to, long decided, long met, Double rate, List<PriorityRate> byPriority) {
  }

  public record PriorityRate(String priority, long decided, long met, Double rate) {
  }

  /** A queue's figures; rates and the average score are null when the window has none. */
  public record QueueFigures(String queue, long open, long atRisk, long breached, Double firstResponseRate,
      Double resolutionRate, Double satisfaction) {
  }

  /** Scores 1 to 5: how many, their mean (null for none) and how many of each. */
  public record Satisfaction(long responses, Double average, Map<String, Long> distribution) {
  }

  /**
   * One day: tickets created, tickets closed and commitments breached (BREACHED events: a first response or resolution,
   * each missed periodic update) in it, and the first-response compliance of the tickets created that day.
   */
  public record TrendDay(LocalDate date, long opened, long closed, long breached, Double firstResponseRate) {
  }
}
