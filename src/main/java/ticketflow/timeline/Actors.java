package ticketflow.timeline;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting right now: the engine login (Tasklist, engine REST), else the /api caller, else ticketflow itself (timers,
 * rules). Used for what happens as a side effect of someone's request, such as a status change.
 */
@Component
class Actors {

  private final IdentityService identity;

  Actors(IdentityService identity) {
    this.identity = identity;
  }

  String current() {
    Authentication engineLogin = identity.getCurrentAuthentication();
    if (engineLogin != null && engineLogin.getUserId() != null) {
      return engineLogin.getUserId();
    }
    var apiLogin = SecurityContextHolder.getContext().getAuthentication();
    if (apiLogin != null && apiLogin.isAuthenticated() && !(apiLogin instanceof AnonymousAuthenticationToken)) {
      return apiLogin.getName();
    }
    return TimelineEntry.TICKETFLOW;
  }
}
