package ticketflow.agentwork;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import ticketflow.process.ModelContract.AgentTask;
import ticketflow.process.ProcessVariables;

/**
 * Engine REST clients completing an agent task get a 400 naming what is missing, before Camunda runs the task
 * listener: Camunda's REST layer would report the listener's refusal as a 500. Runs after engine REST's login and
 * only for tasks the caller may see; anything it cannot judge goes on to Camunda unchanged.
 */
class CompletionGuard extends OncePerRequestFilter {

  private static final Pattern COMPLETION = Pattern.compile(".*/engine-rest/task/([^/]+)/(complete|submit-form)$");
  private static final long MAX_CHECKED_BODY = 2L * 1024 * 1024;

  private final AgentWorkPolicy policy = new AgentWorkPolicy();
  private final TaskService tasks;
  private final IdentityService identity;
  private final ObjectMapper json;

  CompletionGuard(TaskService tasks, IdentityService identity, ObjectMapper json) {
    this.tasks = tasks;
    this.identity = identity;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher completion = COMPLETION.matcher(request.getRequestURI());
    if (!"POST".equals(request.getMethod()) || !completion.matches() || identity.getCurrentAuthentication() == null
        || request.getContentLengthLong() > MAX_CHECKED_BODY) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    HttpServletRequest replay = new Replay(request, body);
    String refusal = refusal(completion.group(1), body);
    if (refusal == null) {
      chain.doFilter(replay, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json");
    json.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException", "message", refusal));
  }

  /** Why the agent rules refuse this completion, or null when they do not (or it is not an agent task). */
  private String refusal(String taskId, byte[] body) {
    try {
      // Queried as the caller: a task they may not see is left to Camunda's own answer.
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      Optional<AgentTask> agentTask = task == null ? Optional.empty() : AgentTask.byKey(task.getTaskDefinitionKey());
      if (agentTask.isEmpty()) {
        return null;
      }
      Map<String, Object> variables = new HashMap<>(tasks.getVariables(taskId));
      JsonNode given = json.readTree(body).path("variables");
      given.fields().forEachRemaining(v -> variables.put(v.getKey(), v.getValue().path("value").isNull() ? null
          : v.getValue().path("value").asText()));
      if (agentTask.get() == AgentTask.INVESTIGATE_ISSUE) {
        policy.checkFindings(variables.get(ProcessVariables.ENGINEERING_NOTES));
        return null;
      }
      policy.check(agentTask.get() == AgentTask.FIRST_RESPONSE, variables.get(ProcessVariables.ACTION),
          variables.get(ProcessVariables.REPLY), variables.get(ProcessVariables.NEW_PRIORITY),
          variables.get(ProcessVariables.PRIORITY_REASON));
      return null;
    } catch (AgentWorkPolicy.InvalidWork refused) {
      return refused.getMessage();
    } catch (RuntimeException | IOException cannotJudge) {
      return null;
    }
  }

  /** The request again, its body read once here and once more by engine REST. */
  private static final class Replay extends HttpServletRequestWrapper {
    private final byte[] body;

    Replay(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
