package ticketflow.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.ticket.TicketView;
import ticketflow.ticket.TicketViews;

/** POST /api/tickets: submission from every channel's intake client. */
@RestController
@Validated
class IntakeController {

  private final SubmitTicket submitTicket;
  private final TicketViews views;

  IntakeController(SubmitTicket submitTicket, TicketViews views) {
    this.submitTicket = submitTicket;
    this.views = views;
  }

  @PostMapping(path = "/api/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<TicketView> submit(@Valid @RequestBody TicketRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false)
      @Size(min = 1, max = 128, message = "must be 1 to 128 characters") String idempotencyKey,
      Principal client) {
    SubmitTicket.Submitted submitted;
    try {
      submitted = submitTicket.submit(request, client.getName(), idempotencyKey);
    } catch (DuplicateKeyException | SubmitTicket.ConcurrentSubmission raced) {
      // A concurrent retry with the same key won; answer as a retry after it commits.
      submitted = submitTicket.replayAfterRace(request, client.getName(), idempotencyKey);
    }
    TicketView view = views.view(submitted.ticketId());
    return submitted.created()
        ? ResponseEntity.created(URI.create("/api/tickets/" + submitted.ticketId())).body(view)
        : ResponseEntity.ok().location(URI.create("/api/tickets/" + submitted.ticketId())).body(view);
  }
}
