package ticketflow.agentwork;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.TicketApi;
import ticketflow.TicketflowTest;

/** What agents see in Tasklist: their queues, the most urgent due first; what is escalated to them; their own. */
@TicketflowTest
class TasklistFiltersTest {

  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  TicketApi api;

  @BeforeEach
  void setUp() {
    api = new TicketApi(mvc, json, tasks);
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void anAgentsQueueShowsTheirGroupsTicketsMostUrgentFirstAndNobodyElses() throws Exception {
    String normal = api.submitId(TicketApi.ticket("subject", "Normal one"));
    String urgent = api.submitId(TicketApi.ticket("subject", "Urgent one", "impact", "SERVICE_DOWN"));
    String chat = api.submitId(TicketApi.ticket("subject", "Chat one", "channel", "CHAT"));

    List<String> webQueue = ticketsIn(TasklistFilters.MY_QUEUES, "web.agent", "support-web");
    assertThat(webQueue).contains(urgent, normal).doesNotContain(chat);
    assertThat(webQueue.indexOf(urgent)).isLessThan(webQueue.indexOf(normal));
    assertThat(ticketsIn(TasklistFilters.MY_QUEUES, "chat.agent", "support-chat")).contains(chat).doesNotContain(urgent, normal);
    Task task = api.task(urgent, "FirstResponse");
    assertThat(task.getDueDate()).isNotNull();
    assertThat(task.getName()).isEqualTo("First response · " + urgent + " · Urgent one");
    // The list columns are the task's own variables: agents may read their tasks, not the whole instance.
    assertThat(tasks.getVariablesLocal(task.getId())).containsEntry("ticketId", urgent).containsEntry("priority", "P1")
        .containsEntry("channel", "WEB").containsEntry("subject", "Urgent one");
  }

  @Test
  void aBreachedTicketIsEscalatedToTheLeadsAndClaimedTicketsAreAssignedToTheAgent() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T18:00:00Z")));
    String id = api.submitId(TicketApi.ticket("subject", "Will be late", "impact", "SERVICE_DOWN"));
    assertThat(ticketsIn(TasklistFilters.ESCALATED_TO_ME, "lead", "support-leads")).doesNotContain(id);

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T19:00:00Z")));
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("FirstResponseBreached").singleResult().getId());

    assertThat(ticketsIn(TasklistFilters.ESCALATED_TO_ME, "lead", "support-leads")).contains(id);
    assertThat(ticketsIn(TasklistFilters.ESCALATED_TO_ME, "web.agent", "support-web")).contains(id);
    assertThat(ticketsIn(TasklistFilters.ESCALATED_TO_ME, "chat.agent", "support-chat")).doesNotContain(id);

    tasks.claim(api.task(id, "FirstResponse").getId(), "web.agent");
    assertThat(ticketsIn(TasklistFilters.ASSIGNED_TO_ME, "web.agent", "support-web")).contains(id);
    assertThat(ticketsIn(TasklistFilters.ASSIGNED_TO_ME, "lead", "support-leads")).doesNotContain(id);
  }

  @Test
  void theFiltersExistOnceAndShowTheTicketColumns() {
    for (String name : List.of(TasklistFilters.MY_QUEUES, TasklistFilters.ESCALATED_TO_ME, TasklistFilters.ASSIGNED_TO_ME)) {
      assertThat(filters.createFilterQuery().filterName(name).count()).isEqualTo(1);
      assertThat(filters.createFilterQuery().filterName(name).singleResult().getProperties().get("variables").toString())
          .contains("ticketId", "priority", "channel");
    }
  }

  @Test
  void whatTasklistsHeaderNamesIsTheOrderOfTheListForEveryFilter() {
    for (String name : List.of(TasklistFilters.MY_QUEUES, TasklistFilters.ESCALATED_TO_ME, TasklistFilters.ASSIGNED_TO_ME)) {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      // Tasklist shows and sends the `sorting` it opens a filter with; an ordering of the query itself would come first.
      assertThat(filter.getProperties().get("sorting")).as(name).isEqualTo(List.of(
          Map.of("sortBy", "dueDate", "sortOrder", "asc"), Map.of("sortBy", "created", "sortOrder", "asc")));
      assertThat(((TaskQueryImpl) filter.getQuery()).getOrderingProperties()).as(name).isEmpty();
    }
  }

  @Test
  void anAgentsFirstPageIsReadInTheListsOrderNotFoundInTheWholeQueue() throws Exception {
    api.submitId(TicketApi.ticket("subject", "One for the page"));
    // The statement Camunda sends for Tasklist's first page, with the authorization checks of a signed-in agent.
    String statement = sqlOf("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria",
        () -> assertThat(ticketsIn(TasklistFilters.MY_QUEUES, "web.agent", "support-web", 15)).isNotEmpty());

    String plan = jdbc.queryForObject("explain " + statement, String.class);
    // H2 walks the index in the list's order and stops after the page; any condition it could use an index for
    // instead (the tenant check's "TENANT_ID_ is null" did) makes it read and sort every open task first.
    assertThat(plan).as(plan).contains(TasklistOrderIndex.NAME).contains("index sorted")
        .doesNotContain("TENANT_ID_ IS NULL");
  }

  /** The last statement run under a MyBatis statement id, with its parameters written in. */
  private static String sqlOf(String statementId, Runnable run) {
    Logger logger = (Logger) LoggerFactory.getLogger(statementId);
    Level level = logger.getLevel();
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    logger.setLevel(Level.DEBUG);
    try {
      run.run();
    } finally {
      logger.setLevel(level);
      logger.detachAppender(log);
    }
    List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    String sql = lines.stream().filter(l -> l.contains("Preparing:")).reduce((a, b) -> b).orElseThrow()
        .replaceFirst(".*Preparing: ", "");
    String parameters = lines.stream().filter(l -> l.contains("Parameters:")).reduce((a, b) -> b).orElseThrow()
        .replaceFirst(".*Parameters: ?", "");
    StringBuilder written = new StringBuilder();
    Iterator<String> values = parameters.isEmpty() ? Collections.emptyIterator()
        : Arrays.asList(parameters.split(", ")).iterator();
    for (char c : sql.toCharArray()) {
      if (c != '?') {
        written.append(c);
        continue;
      }
      String value = values.next();
      String type = value.replaceFirst(".*\\((\\w+)\\)$", "$1");
      String text = value.replaceFirst("\\(\\w+\\)$", "");
      written.append(type.equals("String") ? "'" + text.replace("'", "''") + "'" : text);
    }
    return written.toString();
  }

  /** The filter's tasks as Tasklist lists them: the filter's query extended by the sort its header shows. */
  @SuppressWarnings("unchecked")
  private List<String> ticketsIn(String filter, String user, String group) {
    return ticketsIn(filter, user, group, Integer.MAX_VALUE);
  }

  /** The first page of a filter, as Tasklist asks for it. */
  @SuppressWarnings("unchecked")
  private List<String> ticketsIn(String filter, String user, String group, int pageSize) {
    Filter declared = filters.createFilterQuery().filterName(filter).singleResult();
    TaskQuery sorted = tasks.createTaskQuery();
    for (Map<String, String> sorting : (List<Map<String, String>>) declared.getProperties().get("sorting")) {
      switch (sorting.get("sortBy")) {
        case "dueDate" -> sorted.orderByDueDate();
        case "created" -> sorted.orderByTaskCreateTime();
        default -> throw new AssertionError("Tasklist sort not expected here: " + sorting);
      }
      if ("asc".equals(sorting.get("sortOrder"))) {
        sorted.asc();
      } else {
        sorted.desc();
      }
    }
    List<Task> found;
    identity.setAuthentication(user, List.of(group));
    try {
      found = filters.listPage(declared.getId(), sorted, 0, pageSize);
    } finally {
      identity.clearAuthentication();
    }
    return found.stream().map(t -> runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
        .singleResult().getBusinessKey()).toList();
  }
}
