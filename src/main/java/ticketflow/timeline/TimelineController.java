package ticketflow.timeline;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.security.Caller;
import ticketflow.ticket.TicketAccess;

/** A ticket's timeline for staff who may read the ticket; intake clients are refused (it names staff and their notes). */
@RestController
@Validated
class TimelineController {

  private final TicketAccess access;
  private final Timeline timeline;

  TimelineController(TicketAccess access, Timeline timeline) {
    this.access = access;
    this.timeline = timeline;
  }

  @GetMapping(path = "/api/tickets/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
  List<TimelineEntry> timeline(@PathVariable @Pattern(regexp = TicketAccess.ID, message = TicketAccess.ID_MESSAGE) String id,
      Authentication auth) {
    return timeline.of(access.readableByStaff(id, Caller.of(auth)));
  }
}
