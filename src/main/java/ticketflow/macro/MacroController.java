package ticketflow.macro;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.api.ApiException;
import ticketflow.security.Caller;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketAccess;

/**
 * Canned replies: administrators keep them (SecurityConfiguration limits PUT and DELETE to them), all staff list them
 * and render one for a ticket they may read.
 */
@RestController
@Validated
class MacroController {

  private static final String ID = "[a-z0-9][a-z0-9-]{0,63}";
  private static final String ID_MESSAGE = "must be 1 to 64 lowercase letters, digits and '-'";

  private final Macros macros;
  private final CannedReplies replies;
  private final TicketAccess access;

  MacroController(Macros macros, CannedReplies replies, TicketAccess access) {
    this.macros = macros;
    this.replies = replies;
    this.access = access;
  }

  @GetMapping(path = "/api/macros", produces = MediaType.APPLICATION_JSON_VALUE)
  List<Macro> all(Authentication auth) {
    TicketAccess.requireStaff(Caller.of(auth), "Canned replies are for support staff.");
    return macros.all();
  }

  @PutMapping(path = "/api/macros/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Macro> put(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
      @Valid @RequestBody MacroRequest body, Authentication auth) {
    List<String> problems = Placeholders.problems(body.body());
    if (!problems.isEmpty()) {
      throw ApiException.invalidField("body", String.join("; ", problems));
    }
    Macro macro = new Macro(id, body.title(), body.body());
    return macros.save(macro, auth.getName()) ? ResponseEntity.status(201).body(macro) : ResponseEntity.ok(macro);
  }

  @DeleteMapping("/api/macros/{id}")
  ResponseEntity<Void> delete(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id) {
    if (!macros.delete(id)) {
      throw ApiException.notFound("Macro", id);
    }
    return ResponseEntity.noContent().build();
  }

  /** The macro rendered for the ticket, as the agent asking would send it. */
  @GetMapping(path = "/api/tickets/{ticketId}/macros/{macroId}", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> render(
      @PathVariable @Pattern(regexp = TicketAccess.ID, message = TicketAccess.ID_MESSAGE) String ticketId,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String macroId, Authentication auth) {
    Caller caller = Caller.of(auth);
    Ticket ticket = access.readableByStaff(ticketId, caller);
    String body = replies.render(ticket.id(), macroId, caller.id()).orElseThrow(() -> ApiException.notFound("Macro", macroId));
    return Map.of("body", body);
  }

  record MacroRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 10_000) String body) {
  }
}
