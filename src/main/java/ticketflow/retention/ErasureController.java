package ticketflow.retention;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.api.ApiException;

/**
 * {@code DELETE /api/requesters/{email}}: a requester's erasure, for administrators (SecurityConfiguration). Answers
 * {@code {"tickets": n}}; a repeat finds nothing left and answers 404, as does an address ticketflow never knew.
 */
@RestController
class ErasureController {

  /** An address as intake takes one: something, one @, a domain; no spaces. */
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final int MAX_ADDRESS = 320;

  private final Erasure erasure;

  ErasureController(Erasure erasure) {
    this.erasure = erasure;
  }

  @DeleteMapping(path = "/api/requesters/{email}", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Integer> erase(@PathVariable String email, Authentication auth) {
    if (email.length() > MAX_ADDRESS || !ADDRESS.matcher(email).matches()) {
      throw ApiException.invalidField("email", "must be an e-mail address");
    }
    return Map.of("tickets", erasure.erase(email, auth.getName()));
  }
}
