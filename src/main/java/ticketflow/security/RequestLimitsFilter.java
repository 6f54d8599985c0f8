package ticketflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import ticketflow.api.BodyTooLarge;

/**
 * First line of every request: an address that keeps failing to log in is slowed down (429), so nobody can
 * guess passwords or lock a service account out; an /api body over the limit is refused (413) before anything
 * reads it.
 */
class RequestLimitsFilter extends OncePerRequestFilter {

  private final RateLimits failedLogins;
  private final long maxBodyBytes;
  private final ObjectMapper json;

  RequestLimitsFilter(RateLimits failedLogins, long maxBodyBytes, ObjectMapper json) {
    this.failedLogins = failedLogins;
    this.maxBodyBytes = maxBodyBytes;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    Duration wait = failedLogins.waitFor(address);
    if (!wait.isZero()) {
      tooMany(response, json, wait, "Too many failed logins from your address; try again later.");
      return;
    }
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    if (api && !acceptable(request.getHeader("Accept"))) {
      // Not a media type at all: nothing could be negotiated, so say so now (a problem body, whatever was asked).
      write(response, json, HttpStatus.NOT_ACCEPTABLE, "The Accept header is not a list of media types; ask for application/json.");
      return;
    }
    if (api && request.getContentLengthLong() > maxBodyBytes) {
      tooLarge(response);
      return;
    }
    HttpServletRequest limited = api ? new LimitedBody(request, maxBodyBytes) : request;
    try {
      chain.doFilter(limited, response);
    } catch (ServletException | RuntimeException e) {
      if (BodyTooLarge.isCause(e) && !response.isCommitted()) {
        response.reset();
        tooLarge(response);
        return;
      }
      throw e;
    }
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && hasCredentials(request)) {
      failedLogins.take(address);
    }
  }

  private static boolean acceptable(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    try {
      MediaType.parseMediaTypes(accept);
      return true;
    } catch (InvalidMediaTypeException notAMediaType) {
      return false;
    }
  }

  private static boolean hasCredentials(HttpServletRequest request) {
    return request.getHeader("Authorization") != null || request.getParameter("password") != null;
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    write(response, json, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBodyBytes + " bytes.");
  }

  static void tooMany(HttpServletResponse response, ObjectMapper json, Duration wait, String detail) throws IOException {
    response.setHeader("Retry-After", String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
    write(response, json, HttpStatus.TOO_MANY_REQUESTS, detail);
  }

  static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** Counts what is read and stops at the limit, for bodies sent without a Content-Length (chunked). */
  private static final class LimitedBody extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream stream;

    LimitedBody(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > max) {
              throw new BodyTooLarge(max);
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0 && (read += n) > max) {
              throw new BodyTooLarge(max);
            }
            return n;
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
