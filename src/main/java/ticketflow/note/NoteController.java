package ticketflow.note;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.security.Caller;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketAccess;
import ticketflow.ticket.TicketView;

/** Staff who may read a ticket leave internal notes on it for colleagues. */
@RestController
@Validated
@RequestMapping(path = "/api/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
class NoteController {

  private final TicketAccess access;
  private final Notes notes;

  NoteController(TicketAccess access, Notes notes) {
    this.access = access;
    this.notes = notes;
  }

  /** Answers the ticket's notes, newest first, the new one on top. */
  @PostMapping("/{id}/notes")
  @Transactional
  ResponseEntity<NotesView> add(@PathVariable @Pattern(regexp = TicketAccess.ID, message = TicketAccess.ID_MESSAGE) String id,
      @Valid @RequestBody NoteRequest body, Authentication auth) {
    Caller caller = Caller.of(auth);
    Ticket ticket = access.readableByStaff(id, caller);
    notes.add(ticket.id(), caller.id(), NoteSource.API, body.body());
    notes.showInOpenTasks(ticket.id());
    return ResponseEntity.status(201).body(new NotesView(ticket.id(), notes.newestFirst(ticket.id())));
  }

  record NoteRequest(@NotBlank @Size(max = Notes.MAX_BODY) String body) {
  }

  record NotesView(String ticketId, List<TicketView.Note> notes) {
  }
}
