package ticketflow.macro;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketRepository;
import ticketflow.ticket.TicketSla;
import ticketflow.ticket.TicketView;

/** Canned replies as agents use them: offered in the task forms, rendered for one ticket. */
@Service
public class CannedReplies {

  private final Macros macros;
  private final TicketRepository tickets;
  private final TicketSla sla;

  CannedReplies(Macros macros, TicketRepository tickets, TicketSla sla) {
    this.macros = macros;
    this.tickets = tickets;
    this.sla = sla;
  }

  /** The choices of a form's select: [{label: title, value: id}], by title. */
  public List<Map<String, String>> formChoices() {
    return macros.all().stream().map(m -> Map.of("label", m.title(), "value", m.id())).toList();
  }

  public boolean exists(String macroId) {
    return macros.find(macroId).isPresent();
  }

  /** The macro's text for the ticket, written by {@code agentId}; empty when there is no such macro (or ticket). */
  public Optional<String> render(String ticketId, String macroId, String agentId) {
    Optional<Macro> macro = macros.find(macroId);
    Optional<Ticket> ticket = tickets.find(ticketId);
    if (macro.isEmpty() || ticket.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Placeholders.render(macro.get().body(), values(ticket.get(), agentId)));
  }

  private Map<String, String> values(Ticket t, String agentId) {
    TicketView.Sla commitments = sla.of(t.id(), false);
    Map<String, String> values = new HashMap<>();
    values.put(Placeholders.TICKET_ID, t.id());
    values.put(Placeholders.TICKET_SUBJECT, t.subject());
    values.put(Placeholders.TICKET_STATUS, text(t.status()));
    values.put(Placeholders.TICKET_PRIORITY, text(t.priority()));
    values.put(Placeholders.TICKET_QUEUE, text(t.queue()));
    values.put(Placeholders.TICKET_CHANNEL, text(t.channel()));
    values.put(Placeholders.TICKET_CATEGORY, text(t.category()));
    values.put(Placeholders.REQUESTER_EMAIL, t.requesterEmail());
    values.put(Placeholders.ACCOUNT_ID, t.accountId());
    values.put(Placeholders.FIRST_RESPONSE_DUE, due(commitments.firstResponse()));
    values.put(Placeholders.UPDATE_DUE, due(commitments.update()));
    values.put(Placeholders.RESOLUTION_DUE, due(commitments.resolution()));
    values.put(Placeholders.AGENT_ID, text(agentId));
    return values;
  }

  private static String due(TicketView.Commitment commitment) {
    Instant due = commitment == null ? null : commitment.dueAt();
    return due == null ? "" : due.toString();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
