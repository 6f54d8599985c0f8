package ticketflow;

import java.net.http.HttpResponse;
import java.util.Map;

/** The cookie jar of a test that talks to the Camunda webapps over HTTP: session and CSRF cookies, kept and sent back. */
public final class WebappCookies {

  private WebappCookies() {
  }

  public static void keep(HttpResponse<String> answer, Map<String, String> cookies) {
    answer.headers().allValues("Set-Cookie").forEach(c -> {
      String pair = c.split(";", 2)[0];
      int eq = pair.indexOf('=');
      cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    });
  }

  public static String header(Map<String, String> cookies) {
    StringBuilder header = new StringBuilder();
    cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
    return header.toString();
  }
}
