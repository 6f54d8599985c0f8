package ticketflow.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ticketflow.calendar.SupportCalendar;
import ticketflow.calendar.SupportCalendars;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketRepository;

/**
 * When a clock's ladder steps fall due on its calendar, from the escalation-ladder table, and the timers that carry
 * them: a clock that changes moves the timers already waiting; a step the table does not give this ticket, or a
 * paused clock, parks its timer at the end of time.
 */
@Component
class SlaSchedule {

  /** The update timer's step: the update is due. */
  static final String UPDATE_DUE = "DUE";

  private final EscalationLadderPolicy policy = new EscalationLadderPolicy();
  private final SupportCalendars calendars;
  private final SlaTimers timers;
  private final EscalationLadder ladder;
  private final TicketRepository tickets;

  SlaSchedule(SupportCalendars calendars, SlaTimers timers, EscalationLadder ladder, TicketRepository tickets) {
    this.calendars = calendars;
    this.timers = timers;
    this.ladder = ladder;
    this.tickets = tickets;
  }

  /** The clock with its due time set (updates: one cadence after the last update). */
  SlaClock timed(SlaClock c) {
    return c.due(c.commitment() == Commitment.UPDATE
        ? policy.nextUpdate(calendar(c), c.startedAt(), c.target())
        : policy.due(calendar(c), c.startedAt(), c.target(), c.pausedOpenTime()));
  }

  /** The next periodic update after an overdue one. */
  Instant nextUpdate(SlaClock overdue) {
    return policy.nextUpdate(calendar(overdue), overdue.dueAt(), overdue.target());
  }

  /** Open time of the clock's calendar spent waiting on the customer since it paused. */
  Duration waited(SlaClock paused, Instant until) {
    return policy.waited(calendar(paused), paused.pausedAt(), until);
  }

  /** Open time of the clock's calendar between two instants. */
  Duration openTime(SlaClock c, Instant from, Instant until) {
    return policy.waited(calendar(c), from, until);
  }

  /** Open time of {@code calendar} between each pause and the resume that ended it. */
  Duration pausedOpenTime(String calendar, List<Instant[]> pauses) {
    SupportCalendar on = calendars.get(calendar);
    return pauses.stream().map(p -> policy.waited(on, p[0], p[1])).reduce(Duration.ZERO, Duration::plus);
  }

  /** When the timer of {@code step} should fire for this clock. */
  Instant at(SlaClock c, String step) {
    if (c.isFinished() || c.isPaused()) {
      return SlaTimers.PAUSED;
    }
    if (c.commitment() == Commitment.UPDATE) {
      return UPDATE_DUE.equals(step) ? c.dueAt() : SlaTimers.PAUSED;
    }
    Map<String, Instant> times = policy.ladder(calendar(c), c.startedAt(), c.target(), c.pausedOpenTime(),
        rungs(c.ticketId(), c.commitment()));
    return times.getOrDefault(step, SlaTimers.PAUSED);
  }

  /** The commitment's ladder for this ticket: its priority, and whether it came in outside business hours. */
  List<LadderRung> rungs(String ticketId, Commitment commitment) {
    Ticket ticket = tickets.find(ticketId).orElse(null);
    return ticket == null ? List.of() : ladder.rungs(commitment, ticket.priority(), afterHours(ticket));
  }

  boolean afterHours(Ticket ticket) {
    return !calendars.get(SupportCalendars.BUSINESS).isOpen(ticket.createdAt());
  }

  /** The waiting timers of the clock take its new times. */
  void moveTimers(SlaClock c) {
    timers.timersOf(c.ticketId(), c.commitment()).forEach((step, activity) -> timers.move(c.ticketId(), activity, at(c, step)));
  }

  void parkTimers(String ticketId, Commitment commitment) {
    timers.pause(ticketId, timers.timersOf(ticketId, commitment).values());
  }

  void cancelTimers(String ticketId, Commitment commitment) {
    timers.cancelBranch(ticketId, timers.timersOf(ticketId, commitment).values());
  }

  SupportCalendar calendar(SlaClock c) {
    return calendars.get(c.calendar());
  }
}
