package ticketflow.bench;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an agent waits for when Tasklist opens "My queues": the engine REST filter list (first page of 15) in the order
 * Tasklist's header shows, the most urgent due first, one call after the other as one agent clicks, over the full
 * database. Also Tasklist's own page request, which asks for the same list as HAL with the number of tasks in the
 * queue and the list's columns.
 *
 * <p>A ticket is submitted (not timed) before every call: H2 answers a statement it ran before from its result cache
 * while no table changed, which a support desk taking tickets never sees.
 */
final class TasklistTiming {

  /** The sorting ticketflow's filters declare and Tasklist sends with every list. */
  private static final String TASKLIST_SORTING =
      "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"},{\"sortBy\":\"created\",\"sortOrder\":\"asc\"}]}";

  private static final AtomicLong SUBMITTED = new AtomicLong();

  private TasklistTiming() {
  }

  static Map<String, Object> myQueues(Http http, String agent, int calls) throws Exception {
    HttpResponse<String> filters = http.get("/engine-rest/filter?resourceType=Task&name="
        + URLEncoder.encode("My queues", StandardCharsets.UTF_8), agent, SurgeBenchmark.DEMO_PASSWORD);
    String id = Http.field(filters.body(), "id");
    if (id == null) {
      throw new IllegalStateException("no \"My queues\" filter for " + agent + ": " + filters.body());
    }
    String path = "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15";
    for (int i = 0; i < 5; i++) {
      list(http, agent, path, "application/json");
    }
    long[] lists = new long[calls];
    long[] pages = new long[calls];
    int tasks = 0;
    for (int i = 0; i < calls; i++) {
      submitTicket(http);
      long start = System.nanoTime();
      HttpResponse<String> list = list(http, agent, path, "application/json");
      lists[i] = System.nanoTime() - start;
      tasks = list.body().split("\"id\"", -1).length - 1;
      submitTicket(http);
      start = System.nanoTime();
      list(http, agent, path, "application/hal+json");
      pages[i] = System.nanoTime() - start;
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("agent", agent);
    report.put("calls", calls);
    report.put("tasksOnPage", tasks);
    report.put("latencies", Latencies.of(lists));
    report.put("tasklistPageLatencies", Latencies.of(pages));
    return report;
  }

  private static HttpResponse<String> list(Http http, String agent, String path, String accept) throws Exception {
    HttpResponse<String> list = http.post(path, agent, SurgeBenchmark.DEMO_PASSWORD, TASKLIST_SORTING, "Accept", accept);
    if (list.statusCode() != 200) {
      throw new IllegalStateException("filter list: HTTP " + list.statusCode() + " " + list.body());
    }
    return list;
  }

  private static void submitTicket(Http http) throws Exception {
    long n = SUBMITTED.incrementAndGet();
    HttpResponse<String> answer = http.post("/api/tickets", SurgeBenchmark.PORTAL, SurgeBenchmark.DEMO_PASSWORD,
        TicketMix.webTicket("Tasklist timing " + n), "Idempotency-Key", "tasklist-timing-" + n);
    if (answer.statusCode() != 201) {
      throw new IllegalStateException("HTTP " + answer.statusCode() + " " + answer.body());
    }
  }
}
