package ticketflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * /api and /actuator: HTTP Basic against the engine's identity service, stateless; GETs of /api/reports/** also
 * accept the Cockpit session ({@link CamundaSessionAuthenticationFilter}, read-only against CSRF), and the customer's
 * satisfaction score accepts the closing mail's one-time link ({@link SatisfactionLinkFilter}). The webapps keep their own
 * session login and CSRF protection; engine REST gets Camunda's HTTP Basic filter, so engine authorizations apply.
 */
@Configuration
class SecurityConfiguration {

  private static final String ADMIN = Caller.GROUP_AUTHORITY_PREFIX + Groups.ADMIN;
  private static final String INTAKE = Caller.GROUP_AUTHORITY_PREFIX + Groups.INTAKE_CLIENTS;
  private static final String LEADS = Caller.GROUP_AUTHORITY_PREFIX + Groups.SUPPORT_LEADS;
  private static final String MANAGERS = Caller.GROUP_AUTHORITY_PREFIX + Groups.SUPPORT_MANAGERS;
  /** Every group but the intake clients: agents, engineers, leads, managers, administrators. */
  private static final String[] STAFF = Groups.ALL.stream().filter(g -> !g.equals(Groups.INTAKE_CLIENTS))
      .map(g -> Caller.GROUP_AUTHORITY_PREFIX + g).toArray(String[]::new);

  /** Before everything, on every path: failed-login throttling per address and the /api body limit. */
  @Bean
  FilterRegistrationBean<RequestLimitsFilter> requestLimits(ObjectMapper json,
      @Value("${ticketflow.limits.failed-logins-per-minute:30}") long failedLoginsPerMinute,
      @Value("${ticketflow.limits.max-body-bytes:1048576}") long maxBodyBytes) {
    var registration = new FilterRegistrationBean<>(new RequestLimitsFilter(
        new RateLimits(failedLoginsPerMinute, Duration.ofMinutes(1)), maxBodyBytes, json));
    registration.setName("request-limits");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Requests Spring Security's firewall refuses (encoded slashes, NUL in the path) get a 400 problem too. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
    return (request, response, e) -> RequestLimitsFilter.write(response, json, HttpStatus.BAD_REQUEST,
        "The request URL is not acceptable: " + e.getMessage());
  }

  /** Probes: open to everyone, credentials or not (a probe with stale ones must still see UP). */
  @Bean
  @Order(0)
  SecurityFilterChain health(HttpSecurity http) throws Exception {
    http.securityMatcher("/actuator/health", "/actuator/health/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, EngineIdentityAuthenticationProvider engineIdentity, ObjectMapper json,
      IdentityService identity, SatisfactionLinks satisfactionLinks,
      @Value("${ticketflow.limits.requests-per-minute:12000}") long requestsPerMinute) throws Exception {
    http.securityMatcher("/api/**", "/actuator/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/actuator/prometheus").hasAnyAuthority(ADMIN, MANAGERS)
            .requestMatchers("/actuator/**").hasAuthority(ADMIN)
            .requestMatchers("/api/reports/**").hasAnyAuthority(ADMIN, MANAGERS, LEADS)
            .requestMatchers("/api/accounts/**", "/api/knowledge-base/**", "/api/mail-outbox/**", "/api/lifecycle/**",
                "/api/requesters/**")
            .hasAuthority(ADMIN)
            .requestMatchers(HttpMethod.PUT, "/api/macros/**").hasAuthority(ADMIN)
            .requestMatchers(HttpMethod.DELETE, "/api/macros/**").hasAuthority(ADMIN)
            .requestMatchers(HttpMethod.PUT, "/api/queues/*/assignment").hasAuthority(ADMIN)
            .requestMatchers("/api/calendars", "/api/calendars/**").hasAnyAuthority(STAFF)
            .requestMatchers(HttpMethod.POST, "/api/tickets", "/api/tickets/*/messages", "/api/tickets/*/feedback")
            .hasAnyAuthority(INTAKE, ADMIN)
            // The customer's score: the intake client that submitted the ticket, or the closing mail's one-time link.
            .requestMatchers(HttpMethod.POST, "/api/tickets/*/satisfaction").hasAnyAuthority(INTAKE, SatisfactionLinks.AUTHORITY)
            .anyRequest().authenticated())
        .authenticationProvider(engineIdentity)
        .httpBasic(basic -> basic.realmName("ticketflow").authenticationEntryPoint((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"ticketflow\"");
          problem(response, json, HttpStatus.UNAUTHORIZED, "Log in with HTTP Basic as an engine user.");
        }))
        .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
            problem(response, json, HttpStatus.FORBIDDEN, "Your groups do not allow this request.")))
        // Stateless, and never touches a session: no session-fixation id change either, which would rotate the
        // Cockpit session a report GET is authenticated with and so log the user out of Cockpit.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        // After Basic, so a Basic login wins; only GET/HEAD /api/reports/** with a Cockpit session (CSRF-safe).
        .addFilterAfter(new CamundaSessionAuthenticationFilter(identity), BasicAuthenticationFilter.class)
        // After Basic too: only POST /api/tickets/{id}/satisfaction?token=… without a login, for that ticket alone.
        .addFilterAfter(new SatisfactionLinkFilter(satisfactionLinks, json), BasicAuthenticationFilter.class)
        .addFilterAfter(new ClientRateLimitFilter(new RateLimits(requestsPerMinute, Duration.ofMinutes(1)), json),
            BasicAuthenticationFilter.class)
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /** Everything else is guarded by Camunda itself (webapp login, engine REST filter below). */
  @Bean
  @Order(2)
  SecurityFilterChain camunda(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .sessionManagement(session -> session.disable());
    return http.build();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-basic-auth");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    // Before ticketflow's own engine REST filters (agentwork's completion guard, order 20), after Spring Security.
    registration.setOrder(10);
    return registration;
  }

  private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
