package ticketflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Cockpit plugins read reports with the user's Cockpit login ("no second login"): a request that carries a
 * Camunda webapp session (attribute {@code authenticatedUser}, as
 * {@code AuthenticationUtil.getAuthsFromSession} reads it) with an authenticated user of engine {@code default} is authenticated as that user, with
 * their engine groups read afresh as {@code GROUP_<id>} authorities (as {@link EngineIdentityAuthenticationProvider}
 * does for HTTP Basic).
 *
 * <p>CSRF: a session cookie is sent by the browser with any request, also one a foreign page makes it send. So the
 * session is accepted only for safe requests that change nothing: GET and HEAD under {@code /api/reports/}. Every
 * other /api request still needs HTTP Basic, and the /api chain stays stateless: this filter only reads an existing
 * session (never creates one) and never stores the security context.
 */
class CamundaSessionAuthenticationFilter extends OncePerRequestFilter {

  static final String ENGINE = "default";
  static final String PATH = "/api/reports/";
  /** Where the Camunda webapps keep their logins (AuthenticationUtil.CAM_AUTH_SESSION_KEY, not public). */
  static final String CAMUNDA_AUTHENTICATIONS = "authenticatedUser";

  private final IdentityService identity;

  CamundaSessionAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (accepts(request) && SecurityContextHolder.getContext().getAuthentication() == null) {
      String user = sessionUser(request.getSession(false));
      if (user != null) {
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
            .map(g -> new SimpleGrantedAuthority(Caller.GROUP_AUTHORITY_PREFIX + g.getId())).toList();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, groups));
        SecurityContextHolder.setContext(context);
      }
    }
    chain.doFilter(request, response);
  }

  /** Safe methods on the read-only report paths only (see the class comment on CSRF). */
  static boolean accepts(HttpServletRequest request) {
    String method = request.getMethod();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return ("GET".equals(method) || "HEAD".equals(method)) && path.startsWith(PATH);
  }

  private static String sessionUser(HttpSession session) {
    if (session == null) {
      return null;
    }
    // Read only: AuthenticationUtil.getAuthsFromSession would store an empty Authentications in a session without one.
    if (!(session.getAttribute(CAMUNDA_AUTHENTICATIONS) instanceof Authentications authentications)) {
      return null;
    }
    Authentication authentication = authentications.getAuthenticationForProcessEngine(ENGINE);
    return authentication instanceof UserAuthentication user && user.getIdentityId() != null ? user.getIdentityId() : null;
  }
}
