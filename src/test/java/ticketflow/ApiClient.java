package ticketflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Calls /api as any user (or none) and checks the answers the HTTP API promises: RFC 9457 problems and, for a 400,
 * the offending fields in {@code errors[].field}.
 */
public final class ApiClient {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "test-admin-secret";
  public static final String DEMO_PASSWORD = "demo";
  public static final String PROBLEM_JSON = "application/problem+json";

  private final MockMvc mvc;
  private final ObjectMapper json;

  public ApiClient(MockMvc mvc, ObjectMapper json) {
    this.mvc = mvc;
    this.json = json;
  }

  /** As {@code user} with their password (the admin's, or the demo password for everybody else); null: anonymous. */
  public MvcResult call(MockHttpServletRequestBuilder request, String user, Object body) throws Exception {
    return call(request, user, user == null ? null : ADMIN.equals(user) ? ADMIN_PASSWORD : DEMO_PASSWORD, body);
  }

  public MvcResult call(MockHttpServletRequestBuilder request, String user, String password, Object body) throws Exception {
    if (user != null) {
      request.with(httpBasic(user, password));
    }
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : json.writeValueAsString(body));
    }
    return mvc.perform(request).andReturn();
  }

  public JsonNode read(MvcResult result) throws Exception {
    return json.readTree(result.getResponse().getContentAsString());
  }

  /** The status, then the JSON body of a successful answer. */
  public JsonNode ok(MvcResult result, int status) throws Exception {
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
    assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
    return read(result);
  }

  /** An RFC 9457 problem with this status. */
  public JsonNode problem(MvcResult result, int status) throws Exception {
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
    assertThat(result.getResponse().getContentType()).isEqualTo(PROBLEM_JSON);
    JsonNode problem = read(result);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotBlank();
    return problem;
  }

  /** A 400 problem whose {@code errors[].field} name these fields and no others; returns the errors. */
  public JsonNode invalid(MvcResult result, String... fields) throws Exception {
    JsonNode errors = problem(result, 400).get("errors");
    assertThat(errors).as("errors[] of %s", result.getResponse().getContentAsString()).isNotNull();
    assertThat(fields(errors)).containsOnly(fields);
    errors.forEach(e -> assertThat(e.path("message").asText()).isNotBlank());
    return errors;
  }

  /** The message of the error naming {@code field}. */
  public static String message(JsonNode errors, String field) {
    for (JsonNode e : errors) {
      if (field.equals(e.path("field").asText())) {
        return e.path("message").asText();
      }
    }
    throw new AssertionError("no error for " + field + " in " + errors);
  }

  public static List<String> fields(JsonNode errors) {
    List<String> names = new ArrayList<>();
    errors.forEach(e -> names.add(e.path("field").asText()));
    return names;
  }

  /** A new intake client (another portal, widget or IVR) with the demo password. */
  public static String newIntakeClient(IdentityService identity) {
    String id = "intake-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("(test)");
    user.setPassword(DEMO_PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, "intake-clients");
    return id;
  }

  /** Something unique for this test run, to keep tests apart in the shared database. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
