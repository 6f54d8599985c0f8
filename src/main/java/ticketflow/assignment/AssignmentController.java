package ticketflow.assignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ticketflow.api.ApiException;
import ticketflow.security.Caller;
import ticketflow.security.Groups;

/**
 * Automatic assignment per queue (administrators set the mode; staff read it) and the agents' availability (the
 * agent, a lead or an administrator set it). A queue is an agent queue's group; an agent is an engine user.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class AssignmentController {

  private final QueueAssignments assignments;
  private final QueueMembers members;

  AssignmentController(QueueAssignments assignments, IdentityService identity, TaskService tasks) {
    this.assignments = assignments;
    this.members = new QueueMembers(identity, tasks);
  }

  /** Administrators only (SecurityConfiguration). */
  @PutMapping("/queues/{queue}/assignment")
  QueueView setMode(@PathVariable String queue, @Valid @RequestBody ModeChange body) {
    knownQueue(queue);
    assignments.setMode(queue, body.mode());
    return view(queue);
  }

  @GetMapping("/queues/{queue}/assignment")
  QueueView mode(@PathVariable String queue, Authentication auth) {
    Caller caller = Caller.of(auth);
    if (!caller.readsAllTickets() && !caller.queues().contains(queue)) {
      throw forbidden("Leads, managers, administrators and the queue's own agents read its assignment.");
    }
    knownQueue(queue);
    return view(queue);
  }

  @PutMapping("/agents/{userId}/availability")
  Availability setAvailability(@PathVariable String userId, @Valid @RequestBody AvailabilityChange body, Authentication auth) {
    mayChangeAvailability(Caller.of(auth), userId);
    knownUser(userId);
    // An agent going unavailable keeps what they hold: only new tasks pass them by.
    assignments.setAvailable(userId, body.available());
    return new Availability(userId, body.available());
  }

  @GetMapping("/agents/{userId}/availability")
  Availability availability(@PathVariable String userId, Authentication auth) {
    Caller caller = Caller.of(auth);
    if (!caller.groups().contains(Groups.SUPPORT_MANAGERS)) {
      mayChangeAvailability(caller, userId);
    }
    knownUser(userId);
    return new Availability(userId, assignments.isAvailable(userId));
  }

  private static void mayChangeAvailability(Caller caller, String userId) {
    boolean self = caller.id().equals(userId) && !caller.isIntakeClient();
    if (!self && !caller.isAdmin() && !caller.groups().contains(Groups.SUPPORT_LEADS)) {
      throw forbidden("An agent's availability is set by that agent, a lead or an administrator.");
    }
  }

  private QueueView view(String queue) {
    List<String> agents = members.of(queue);
    Map<String, Long> load = members.openTasks(agents);
    var available = assignments.available(agents);
    return new QueueView(queue, assignments.mode(queue),
        agents.stream().map(a -> new AgentView(a, available.contains(a), load.get(a))).toList());
  }

  private static void knownQueue(String queue) {
    if (!Groups.AGENT_QUEUES.contains(queue)) {
      throw ApiException.notFound("Queue", queue);
    }
  }

  private void knownUser(String userId) {
    if (!members.exists(userId)) {
      throw ApiException.notFound("User", userId);
    }
  }

  private static ApiException forbidden(String why) {
    return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", why);
  }

  record ModeChange(@NotNull AssignmentMode mode) {
  }

  record AvailabilityChange(@NotNull Boolean available) {
  }

  record Availability(String userId, boolean available) {
  }

  /** A queue's mode and its agents: whether each takes assigned work now, and the open tasks each holds. */
  record QueueView(String queue, AssignmentMode mode, List<AgentView> agents) {
  }

  record AgentView(String userId, boolean available, long openTasks) {
  }
}
