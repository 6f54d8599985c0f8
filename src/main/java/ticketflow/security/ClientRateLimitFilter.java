package ticketflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** The per-client limit on /api (a client is its login): 429 with Retry-After once its bucket is empty. */
class ClientRateLimitFilter extends OncePerRequestFilter {

  private final RateLimits clients;
  private final ObjectMapper json;

  ClientRateLimitFilter(RateLimits clients, ObjectMapper json) {
    this.clients = clients;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String client = auth != null && auth.isAuthenticated() ? "user:" + auth.getName() : "address:" + request.getRemoteAddr();
    Duration wait = clients.take(client);
    if (!wait.isZero()) {
      RequestLimitsFilter.tooMany(response, json, wait, "Rate limit of this client reached; retry after the time given.");
      return;
    }
    chain.doFilter(request, response);
  }
}
