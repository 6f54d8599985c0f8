package ticketflow.bench;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an agent waits for when Tasklist opens "My queues": the engine REST filter list Tasklist calls (first page of
 * 15), one call after the other as one agent clicks, over the full database.
 */
final class TasklistTiming {

  private TasklistTiming() {
  }

  static Map<String, Object> myQueues(Http http, int calls) throws Exception {
    HttpResponse<String> filters = http.get("/engine-rest/filter?resourceType=Task&name="
        + URLEncoder.encode("My queues", StandardCharsets.UTF_8), SurgeBenchmark.AGENT, SurgeBenchmark.DEMO_PASSWORD);
    String id = Http.field(filters.body(), "id");
    if (id == null) {
      throw new IllegalStateException("no \"My queues\" filter for " + SurgeBenchmark.AGENT + ": " + filters.body());
    }
    String path = "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15";
    for (int i = 0; i < 5; i++) {
      http.get(path, SurgeBenchmark.AGENT, SurgeBenchmark.DEMO_PASSWORD);
    }
    long[] nanos = new long[calls];
    int tasks = 0;
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      HttpResponse<String> list = http.get(path, SurgeBenchmark.AGENT, SurgeBenchmark.DEMO_PASSWORD);
      nanos[i] = System.nanoTime() - start;
      if (list.statusCode() != 200) {
        throw new IllegalStateException("filter list: HTTP " + list.statusCode() + " " + list.body());
      }
      tasks = list.body().split("\"id\"", -1).length - 1;
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("calls", calls);
    report.put("tasksOnPage", tasks);
    report.put("latencies", Latencies.of(nanos));
    return report;
  }
}
