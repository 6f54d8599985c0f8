package ticketflow.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ticketflow.process.ProcessVariables;
import ticketflow.security.Groups;
import ticketflow.ticket.Priority;
import ticketflow.ticket.TicketRepository;

/**
 * A ladder timer fired: the commitment is at risk (75 %), breached (100 %, level 1: the leads, and on-call
 * engineering for a P1) or half as late again (150 %, level 2: the managers). Records it on the clock and the ticket,
 * offers the open tasks to the groups of the step, and tells whoever listens ({@link SlaStepReached}).
 */
@Component
class Escalation {

  private final SlaClocks clocks;
  private final TicketRepository tickets;
  private final SlaTimers timers;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Escalation(SlaClocks clocks, TicketRepository tickets, SlaTimers timers, Clock clock, ApplicationEventPublisher events) {
    this.clocks = clocks;
    this.tickets = tickets;
    this.timers = timers;
    this.clock = clock;
    this.events = events;
  }

  void reached(String ticketId, Commitment commitment, LadderStep step) {
    SlaClock c = clocks.find(ticketId, commitment).filter(found -> !found.isFinished()).orElse(null);
    if (c == null) {
      return;
    }
    Instant now = clock.instant();
    switch (step) {
      case AT_RISK -> {
        clocks.record(ticketId, commitment, SlaEventType.AT_RISK, null, now);
        if (c.state() == SlaState.RUNNING) {
          clocks.save(c.with(SlaState.AT_RISK));
        }
      }
      case BREACHED -> {
        clocks.record(ticketId, commitment, SlaEventType.BREACHED, null, now);
        clocks.save(c.with(SlaState.BREACHED));
        escalate(ticketId, commitment, 1, now, isUrgent(ticketId)
            ? List.of(Groups.SUPPORT_LEADS, Groups.ENGINEERING_ONCALL) : List.of(Groups.SUPPORT_LEADS));
      }
      case LEVEL_2 -> escalate(ticketId, commitment, 2, now, List.of(Groups.SUPPORT_MANAGERS));
    }
    events.publishEvent(new SlaStepReached(ticketId, commitment, step, c.dueAt()));
  }

  private void escalate(String ticketId, Commitment commitment, int level, Instant now, List<String> groups) {
    clocks.record(ticketId, commitment, SlaEventType.ESCALATED, level, now);
    tickets.raiseEscalationLevel(ticketId, level);
    int reached = tickets.find(ticketId).map(t -> t.escalationLevel()).orElse(level);
    timers.setVariables(ticketId, Map.of(ProcessVariables.ESCALATION_LEVEL, reached));
    timers.offerOpenTasks(ticketId, groups);
  }

  private boolean isUrgent(String ticketId) {
    return tickets.find(ticketId).map(t -> t.priority() == Priority.P1).orElse(false);
  }
}
