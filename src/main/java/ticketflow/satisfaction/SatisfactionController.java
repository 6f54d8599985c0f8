package ticketflow.satisfaction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.api.ApiException;
import ticketflow.security.Caller;
import ticketflow.security.SatisfactionLinks;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketAccess;
import ticketflow.ticket.TicketRepository;
import ticketflow.ticket.TicketView;

/**
 * The customer's score of a closed ticket: relayed by the intake client that submitted it, or sent with the closing
 * mail's one-time link ({@code ?token=}, no login; the security filter has checked it is this ticket's).
 */
@RestController
@Validated
@RequestMapping(path = "/api/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
class SatisfactionController {

  private final TicketAccess access;
  private final TicketRepository tickets;
  private final GiveSatisfaction give;
  private final Satisfactions satisfactions;

  SatisfactionController(TicketAccess access, TicketRepository tickets, GiveSatisfaction give, Satisfactions satisfactions) {
    this.access = access;
    this.tickets = tickets;
    this.give = give;
    this.satisfactions = satisfactions;
  }

  @PostMapping("/{id}/satisfaction")
  ResponseEntity<Scored> satisfaction(@PathVariable @Pattern(regexp = TicketAccess.ID, message = TicketAccess.ID_MESSAGE) String id,
      @RequestParam(required = false) String token, @Valid @RequestBody SatisfactionRequest body, Authentication auth) {
    boolean byLink = auth.getAuthorities().stream().anyMatch(a -> SatisfactionLinks.AUTHORITY.equals(a.getAuthority()));
    Ticket ticket = byLink ? tickets.find(id).orElseThrow(() -> ApiException.notFound("Ticket", id))
        : access.readable(id, Caller.of(auth));
    give.give(ticket, body.score(), body.comment(), byLink ? "link" : auth.getName(), byLink ? token : null);
    TicketView.Satisfaction given = satisfactions.of(id).orElseThrow();
    return ResponseEntity.status(201).body(new Scored(id, given.score(), given.comment(), given.at()));
  }

  record SatisfactionRequest(@NotNull @Min(1) @Max(5) Integer score, @Size(max = Satisfactions.MAX_COMMENT) String comment) {
  }

  record Scored(String ticketId, int score, String comment, java.time.Instant at) {
  }
}
