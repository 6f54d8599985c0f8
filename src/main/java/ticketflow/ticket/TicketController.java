package ticketflow.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.api.ApiException;
import ticketflow.security.Caller;

/** Reading tickets, and the customer's messages and feedback relayed by intake clients. */
@RestController
@Validated
@RequestMapping(path = "/api/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
class TicketController {

  static final String ID = TicketAccess.ID;
  static final String ID_MESSAGE = TicketAccess.ID_MESSAGE;

  private final TicketRepository tickets;
  private final TicketAccess access;
  private final TicketViews views;
  private final CustomerConversation customer;
  private final ChangePriority changePriority;

  TicketController(TicketRepository tickets, TicketAccess access, TicketViews views, CustomerConversation customer,
      ChangePriority changePriority) {
    this.tickets = tickets;
    this.access = access;
    this.views = views;
    this.customer = customer;
    this.changePriority = changePriority;
  }

  @GetMapping("/{id}")
  TicketView get(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id, Authentication auth) {
    Caller caller = Caller.of(auth);
    return shown(views.view(visible(id, caller)), caller);
  }

  @GetMapping
  TicketListing list(@RequestParam(required = false) TicketStatus status,
      @RequestParam(required = false) @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a queue name such as support-web") String queue,
      @RequestParam(required = false) Priority priority,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
      Authentication auth) {
    Caller caller = Caller.of(auth);
    TicketFilter filter = caller.readsAllTickets() ? new TicketFilter(status, queue, priority, null, null)
        : caller.isIntakeClient() ? new TicketFilter(status, queue, priority, caller.id(), null)
        : new TicketFilter(status, queue, priority, null, caller.queues());
    TicketPage found = tickets.page(filter, page, size);
    return new TicketListing(found.items().stream().map(views::summary).toList(), found.page(), found.size(), found.total());
  }

  @PostMapping("/{id}/messages")
  ResponseEntity<TicketView> message(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @Valid @RequestBody CustomerMessage body, Authentication auth) {
    Caller caller = Caller.of(auth);
    customer.reply(visible(id, caller), body.body());
    return ResponseEntity.status(201).body(shown(views.view(id), caller));
  }

  @PostMapping("/{id}/feedback")
  TicketView feedback(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @Valid @RequestBody Feedback body, Authentication auth) {
    Caller caller = Caller.of(auth);
    customer.feedback(visible(id, caller), body.accepted(), body.comment());
    return shown(views.view(id), caller);
  }

  /** Triage: an agent of the ticket's queue (or a lead, manager or admin) changes its priority, with a reason. */
  @PostMapping("/{id}/priority")
  TicketView priority(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @Valid @RequestBody PriorityChange body, Authentication auth) {
    Caller caller = Caller.of(auth);
    if (caller.isIntakeClient() && !caller.readsAllTickets()) {
      throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only staff change a ticket's priority.");
    }
    Ticket ticket = visible(id, caller);
    if (ticket.isFinished()) {
      throw ApiException.conflict("Ticket " + id + " is " + ticket.status() + "; its priority no longer matters.");
    }
    changePriority.change(ticket, body.priority(), body.reason(), caller.id());
    return views.view(id);
  }

  /** Intake clients relay to customers: staff's reasons for a priority change stay with staff. */
  private static TicketView shown(TicketView view, Caller caller) {
    return caller.isIntakeClient() && !caller.readsAllTickets() ? view.forIntakeClient() : view;
  }

  /** A ticket the caller may not see answers like one that does not exist. */
  private Ticket visible(String id, Caller caller) {
    return access.readable(id, caller);
  }

  record CustomerMessage(@NotBlank @Size(max = 20_000) String body) {
  }

  record PriorityChange(@NotNull Priority priority, @NotBlank @Size(max = 1000) String reason) {
  }

  record Feedback(@NotNull Boolean accepted, @Size(max = 20_000) String comment) {
  }

  record TicketListing(List<TicketView> items, int page, int size, long total) {
  }
}
