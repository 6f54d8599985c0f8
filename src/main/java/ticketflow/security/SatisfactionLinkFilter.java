package ticketflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The customer's satisfaction link instead of a login: {@code POST /api/tickets/{id}/satisfaction?token=…} without
 * HTTP Basic is authenticated as {@code satisfaction-link:{id}} with the single authority
 * {@link SatisfactionLinks#AUTHORITY}, when the token is a valid, unused, unexpired link of that very ticket. Any other
 * path or method is left alone (a token there is no login), and a bad token is a 401 naming what is wrong with it.
 * The controller marks the token used in the transaction that stores the score.
 */
class SatisfactionLinkFilter extends OncePerRequestFilter {

  static final String PRINCIPAL_PREFIX = "satisfaction-link:";
  private static final Pattern PATH = Pattern.compile("/api/tickets/(TF-[0-9]{1,18})/satisfaction");

  private final SatisfactionLinks links;
  private final ObjectMapper json;

  SatisfactionLinkFilter(SatisfactionLinks links, ObjectMapper json) {
    this.links = links;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String token = request.getParameter("token");
    Matcher path = PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (token == null || !"POST".equals(request.getMethod()) || !path.matches()
        || SecurityContextHolder.getContext().getAuthentication() != null) {
      chain.doFilter(request, response);
      return;
    }
    String ticketId = path.group(1);
    SatisfactionLinks.Validity validity = links.check(ticketId, token);
    if (validity != SatisfactionLinks.Validity.VALID) {
      RequestLimitsFilter.write(response, json, HttpStatus.UNAUTHORIZED,
          "This satisfaction link is " + validity.text() + "; log in with HTTP Basic instead.");
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL_PREFIX + ticketId, null,
        List.of(new SimpleGrantedAuthority(SatisfactionLinks.AUTHORITY))));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
