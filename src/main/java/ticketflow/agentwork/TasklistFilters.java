package ticketflow.agentwork;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ticketflow.security.Groups;
import ticketflow.process.ProcessVariables;

/**
 * The Tasklist views agents work from, shared by everyone and resolved per user (their groups, their name), so
 * an agent an operator adds to a group has their queue at once. Created or brought up to date at every start; nodes
 * of a cluster restarting together on one database update the same filters, and those that lose the race to another
 * node read them again and retry.
 */
@Component
@Order(1)
class TasklistFilters implements ApplicationRunner {

  static final String MY_QUEUES = "My queues";
  static final String ESCALATED_TO_ME = "Escalated to me";
  static final String ASSIGNED_TO_ME = "Assigned to me";

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);
  private static final int ATTEMPTS = 10;

  /** What the list shows of each ticket; Tasklist shows the due date (the commitment) itself. */
  private static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "ticketId", "label", "Ticket"), Map.of("name", "priority", "label", "Priority"),
      Map.of("name", "channel", "label", "Channel"), Map.of("name", "subject", "label", "Subject"));

  /**
   * The order of every filter, the most urgent due first, as Tasklist's own sort ("Sort by Due date, Created"). It is
   * a filter property, not an ordering of the filter's query: Tasklist always adds its header's sort to the query
   * and never shows the query's, so an ordering there would decide the list while the header named another.
   * Tasklist opens a filter in this order by ticketflow's script (tasklist/scripts/filter-sorting.js).
   */
  static final List<Map<String, String>> SORTING = List.of(
      Map.of("sortBy", "dueDate", "sortOrder", "asc"), Map.of("sortBy", "created", "sortOrder", "asc"));

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (int attempt = 1; ; attempt++) {
      try {
        saveAll();
        return;
      } catch (OptimisticLockingException anotherNode) {
        if (attempt == ATTEMPTS) {
          throw anotherNode;
        }
        log.info("Another node updated the Tasklist filters at the same time; reading them again");
        pause(attempt);
      }
    }
  }

  private void saveAll() {
    save(MY_QUEUES, "Tickets offered to your groups and those you claimed, the most urgent due first", -10,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    save(ESCALATED_TO_ME, "Tickets past a commitment, offered to your groups, the most urgent due first", -8,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .processVariableValueGreaterThanOrEquals(ProcessVariables.ESCALATION_LEVEL, 1));
    save(ASSIGNED_TO_ME, "Tickets you have claimed, the most urgent due first", -5,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100) * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while setting up the Tasklist filters", e);
    }
  }

  private void save(String name, String description, int priority, TaskQuery query) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true,
        "showUndefinedVariable", false, "variables", COLUMNS, "sorting", SORTING));
    filter.setQuery(query);
    filters.saveFilter(filter);
    for (String group : Groups.ALL) {
      if (!group.equals(Groups.INTAKE_CLIENTS)) {
        readable(group, filter.getId());
      }
    }
  }

  private void readable(String group, String filterId) {
    boolean granted = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
        .resourceId(filterId).count() > 0;
    if (!granted) {
      Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      auth.setGroupId(group);
      auth.setResource(Resources.FILTER);
      auth.setResourceId(filterId);
      auth.addPermission(Permissions.READ);
      authorizations.saveAuthorization(auth);
    }
  }
}
