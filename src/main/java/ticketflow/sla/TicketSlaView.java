package ticketflow.sla;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ticketflow.ticket.TicketSla;
import ticketflow.ticket.TicketView;

/** A ticket's commitments as its view shows them: a paused clock has no due time until it resumes. */
@Component
class TicketSlaView implements TicketSla {

  private final SlaClocks clocks;

  TicketSlaView(SlaClocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public TicketView.Sla of(String ticketId, boolean withEvents) {
    Map<Commitment, TicketView.Commitment> states = new EnumMap<>(Commitment.class);
    for (SlaClock c : clocks.of(ticketId)) {
      states.put(c.commitment(), new TicketView.Commitment(c.state() == SlaState.PAUSED ? null : c.dueAt(), c.state().name(),
          c.metAt()));
    }
    List<TicketView.SlaEvent> events = withEvents ? clocks.events(ticketId).stream()
        .map(e -> new TicketView.SlaEvent(e.commitment().name(), e.event().name(), e.level(), e.at())).toList() : List.of();
    return new TicketView.Sla(states.getOrDefault(Commitment.FIRST_RESPONSE, TicketView.Commitment.NONE),
        states.getOrDefault(Commitment.UPDATE, TicketView.Commitment.NONE),
        states.getOrDefault(Commitment.RESOLUTION, TicketView.Commitment.NONE), events);
  }
}
