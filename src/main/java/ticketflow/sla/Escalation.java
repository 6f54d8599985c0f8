package ticketflow.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ticketflow.process.ProcessVariables;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketRepository;

/**
 * A ladder timer fired: the step's row of the escalation-ladder table says what follows. The clock takes the step's
 * state, the ticket its level, the open tasks (and every later one) are offered to the step's groups, and whoever
 * listens hears of it ({@link SlaStepReached}: mail to the step's groups, metrics).
 */
@Component
class Escalation {

  private final SlaClocks clocks;
  private final TicketRepository tickets;
  private final SlaTimers timers;
  private final SlaSchedule schedule;
  private final EscalationLadder ladder;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Escalation(SlaClocks clocks, TicketRepository tickets, SlaTimers timers, SlaSchedule schedule, EscalationLadder ladder,
      Clock clock, ApplicationEventPublisher events) {
    this.clocks = clocks;
    this.tickets = tickets;
    this.timers = timers;
    this.schedule = schedule;
    this.ladder = ladder;
    this.clock = clock;
    this.events = events;
  }

  void reached(String ticketId, Commitment commitment, String step) {
    SlaClock c = clocks.find(ticketId, commitment).filter(found -> !found.isFinished()).orElse(null);
    Ticket ticket = tickets.find(ticketId).orElse(null);
    if (c == null || ticket == null) {
      return;
    }
    LadderRung rung = ladder.rung(commitment, ticket.priority(), schedule.afterHours(ticket), step).orElse(null);
    if (rung == null) {
      return;
    }
    Instant now = clock.instant();
    boolean changed = rung.state() != null && changes(c.state(), rung.state());
    if (changed) {
      clocks.record(ticketId, commitment, rung.state() == SlaState.AT_RISK ? SlaEventType.AT_RISK : SlaEventType.BREACHED, null, now);
      clocks.save(c.with(rung.state()));
    }
    if (rung.level() > 0) {
      clocks.record(ticketId, commitment, SlaEventType.ESCALATED, rung.level(), now);
      tickets.raiseEscalationLevel(ticketId, rung.level());
    }
    if (!rung.offerTo().isEmpty() || rung.level() > 0) {
      offer(ticket, rung);
    }
    List<String> mailTo = rung.mailTo().stream().map(g -> "queue".equals(g) ? ticket.queue() : g)
        .filter(g -> g != null && !g.isBlank()).distinct().toList();
    events.publishEvent(new SlaStepReached(ticketId, commitment, step, rung.state(), changed, rung.level(), c.dueAt(),
        rung.offerTo(), mailTo));
  }

  /** Open tasks are offered to the step's groups now; later tasks when they are created (escalatedTo). */
  private void offer(Ticket ticket, LadderRung rung) {
    Set<String> escalatedTo = new LinkedHashSet<>(escalatedTo(ticket.id()));
    escalatedTo.addAll(rung.offerTo());
    int level = tickets.find(ticket.id()).map(Ticket::escalationLevel).orElse(rung.level());
    timers.setVariables(ticket.id(), Map.of(ProcessVariables.ESCALATION_LEVEL, level,
        ProcessVariables.ESCALATED_TO, String.join(",", escalatedTo)));
    timers.offerOpenTasks(ticket.id(), new ArrayList<>(rung.offerTo()));
  }

  private List<String> escalatedTo(String ticketId) {
    String current = timers.variable(ticketId, ProcessVariables.ESCALATED_TO);
    return current == null || current.isBlank() ? List.of() : Arrays.asList(current.split(","));
  }

  /** At risk only from running; breached from anything but breached. */
  private static boolean changes(SlaState from, SlaState to) {
    return to == SlaState.AT_RISK ? from == SlaState.RUNNING : from != to;
  }
}
