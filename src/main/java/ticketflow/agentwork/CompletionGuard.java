package ticketflow.agentwork;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import ticketflow.note.Notes;
import ticketflow.process.ModelContract.AgentTask;
import ticketflow.process.ProcessVariables;

/**
 * Engine REST clients completing an agent task get a 400 naming what is missing, before Camunda runs the task
 * listener: Camunda's REST layer would report the listener's refusal as a 500. A completion carrying variables the task
 * does not take goes on unjudged: the engine refuses it naming them ({@link TaskWriteGuard}), whatever else it lacks.
 * Runs after engine REST's login and only for tasks the caller may see; anything it cannot judge goes on to Camunda
 * unchanged.
 */
class CompletionGuard extends OncePerRequestFilter {

  private static final Pattern COMPLETION = Pattern.compile(".*/engine-rest/task/([^/]+)/(complete|submit-form)$");
  static final int MAX_CHECKED_BODY = 2 * 1024 * 1024;

  private final AgentWorkPolicy policy = new AgentWorkPolicy();
  private final TaskVariablesPolicy variablesPolicy = new TaskVariablesPolicy();
  private final TaskService tasks;
  private final IdentityService identity;
  private final ObjectMapper json;
  private final Predicate<String> knownMacro;

  CompletionGuard(TaskService tasks, IdentityService identity, ObjectMapper json, Predicate<String> knownMacro) {
    this.tasks = tasks;
    this.identity = identity;
    this.json = json;
    this.knownMacro = knownMacro;
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
    // At most the limit and one byte more, whatever the framing: a chunked body declares no length.
    ServletInputStream in = request.getInputStream();
    byte[] body = in.readNBytes(MAX_CHECKED_BODY + 1);
    HttpServletRequest replay = new Replay(request, body, in);
    if (body.length > MAX_CHECKED_BODY) {
      // Too large to judge, yet engine REST takes such bodies: it goes on unjudged (not refused with 413), the bytes
      // read here followed by the rest of the stream, so nothing is lost and nothing more is held in memory.
      chain.doFilter(replay, response);
      return;
    }
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
      Map<String, Object> current = tasks.getVariables(taskId);
      Map<String, Object> given = new LinkedHashMap<>();
      json.readTree(body).path("variables").fields().forEachRemaining(v -> given.put(v.getKey(),
          v.getValue().path("value").isNull() ? null : v.getValue().path("value").asText()));
      try {
        variablesPolicy.unchangedDisplayFields(agentTask.get(), AgentWorkListener.taskName(task.getName(),
            task.getTaskDefinitionKey()), given, current::get);
      } catch (TaskVariablesPolicy.UndeclaredVariables leftToTheEngine) {
        // The engine refuses it on every door (after its own authorization check) naming the variable, with a 400.
        return null;
      }
      Map<String, Object> variables = new HashMap<>(current);
      variables.putAll(given);
      if (agentTask.get() == AgentTask.INVESTIGATE_ISSUE) {
        policy.checkFindings(variables.get(ProcessVariables.ENGINEERING_NOTES));
        return null;
      }
      policy.check(agentTask.get() == AgentTask.FIRST_RESPONSE, variables.get(ProcessVariables.ACTION),
          replyOrMacro(variables.get(ProcessVariables.REPLY), variables.get(ProcessVariables.MACRO)),
          variables.get(ProcessVariables.NEW_PRIORITY), variables.get(ProcessVariables.PRIORITY_REASON));
      policy.checkNote(variables.get(ProcessVariables.NOTE), Notes.MAX_BODY);
      return null;
    } catch (AgentWorkPolicy.InvalidWork refused) {
      return refused.getMessage();
    } catch (RuntimeException | IOException cannotJudge) {
      return null;
    }
  }

  /** A picked canned reply stands for the reply the agent did not write (it is rendered when the task completes). */
  private Object replyOrMacro(Object reply, Object macro) {
    if (reply != null && !reply.toString().isBlank() || macro == null || macro.toString().isBlank()) {
      return reply;
    }
    if (!knownMacro.test(macro.toString().trim())) {
      throw AgentWorkPolicy.unknownCannedReply(macro);
    }
    return macro;
  }

  /** The request again for engine REST: the bytes read here, then whatever the original stream still holds. */
  private static final class Replay extends HttpServletRequestWrapper {
    private final ServletInputStream stream;

    Replay(HttpServletRequest request, byte[] head, ServletInputStream rest) {
      super(request);
      ByteArrayInputStream readHere = new ByteArrayInputStream(head);
      // One stream for every call, as the container's is: a second call must not start the body over.
      this.stream = new ServletInputStream() {
        @Override
        public int read() throws IOException {
          int b = readHere.read();
          return b >= 0 ? b : rest.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (len == 0) {
            return 0;
          }
          int n = readHere.read(b, off, len);
          return n >= 0 ? n : rest.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return readHere.available() == 0 && rest.isFinished();
        }

        @Override
        public boolean isReady() {
          return readHere.available() > 0 || rest.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public ServletInputStream getInputStream() {
      return stream;
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }
  }
}
