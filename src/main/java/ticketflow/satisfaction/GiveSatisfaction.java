package ticketflow.satisfaction;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ticketflow.api.ApiException;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketRepository;
import ticketflow.ticket.TicketStatus;
import ticketflow.timeline.TimelineEvent;
import ticketflow.timeline.TimelineKind;

/**
 * Stores the customer's score of a closed ticket, once: with the ticket's row locked, so two answers at once cannot
 * both be first. A link's token is used up in the same transaction; the timeline and the metrics hear of it.
 */
@Service
class GiveSatisfaction {

  private final TicketRepository tickets;
  private final Satisfactions satisfactions;
  private final SatisfactionLinkTokens links;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  GiveSatisfaction(TicketRepository tickets, Satisfactions satisfactions, SatisfactionLinkTokens links,
      ApplicationEventPublisher events, Clock clock) {
    this.tickets = tickets;
    this.satisfactions = satisfactions;
    this.links = links;
    this.events = events;
    this.clock = clock;
  }

  /** {@code token} is the link's when the customer came by the closing mail, null for an intake client's call. */
  @Transactional
  void give(Ticket ticket, int score, String comment, String givenBy, String token) {
    Ticket locked = tickets.findForUpdate(ticket.id()).orElseThrow(() -> ApiException.notFound("Ticket", ticket.id()));
    if (locked.status() != TicketStatus.CLOSED) {
      throw ApiException.conflict("Ticket " + locked.id() + " is " + locked.status() + "; it can be scored once it is CLOSED.");
    }
    if (satisfactions.of(locked.id()).isPresent()) {
      throw ApiException.conflict("Ticket " + locked.id() + " was already scored; a score is given once.");
    }
    if (token != null && !links.use(locked.id(), token)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "This satisfaction link is no longer valid.");
    }
    Instant now = clock.instant();
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    satisfactions.add(locked.id(), score, text, givenBy, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("score", score);
    details.put("comment", text);
    details.put("via", token == null ? "client" : "link");
    events.publishEvent(new TimelineEvent(locked.id(), TimelineKind.SATISFACTION, locked.requesterEmail(), details));
    events.publishEvent(new SatisfactionGiven(locked.id(), locked.queue(), score));
  }
}
