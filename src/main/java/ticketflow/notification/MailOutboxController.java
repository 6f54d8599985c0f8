package ticketflow.notification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.api.ApiException;
import ticketflow.security.Caller;

/** The mail outbox for administrators: what was sent, what waits (with its last error), what was given up. */
@RestController
@Validated
@RequestMapping(path = "/api/mail-outbox", produces = MediaType.APPLICATION_JSON_VALUE)
class MailOutboxController {

  private final Outbox outbox;

  MailOutboxController(Outbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping
  OutboxPage list(@RequestParam(required = false) MailStatus status,
      @RequestParam(required = false) @Pattern(regexp = "TF-[0-9]{1,18}", message = "must be a ticket id like TF-1001") String ticketId,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
      Authentication auth) {
    // The security chain admits administrators only; this holds even if that rule were lost.
    if (!Caller.of(auth).isAdmin()) {
      throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only administrators read the mail outbox.");
    }
    return outbox.page(status, ticketId, page, size);
  }
}
