package ticketflow.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** /api logins against the engine's users and groups: the same accounts as Tasklist, Cockpit and engine REST. */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;

  EngineIdentityAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object password = authentication.getCredentials();
    boolean valid;
    try {
      valid = user != null && password != null && identity.checkPassword(user, password.toString());
    } catch (ProcessEngineException invalidId) {
      valid = false;
    }
    if (!valid) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
        .map(g -> new SimpleGrantedAuthority(Caller.GROUP_AUTHORITY_PREFIX + g.getId())).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
