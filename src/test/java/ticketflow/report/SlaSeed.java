package ticketflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import ticketflow.TicketApi;

/**
 * A seeded set of tickets around {@code now}, with the engine's clock moved to submit them and fire their timers:
 * <ul>
 *   <li>{@link #breached}: P1 (chat, 24x7, first response due in 1 h) submitted 3 h ago; its FirstResponseBreached
 *   timer fired 2 h ago: BREACHED, 2 h past due, OPEN;</li>
 *   <li>{@link #atRisk}: P1 submitted 50 min ago; FirstResponseAtRisk fired 5 min ago: AT_RISK, due in 10 min, OPEN;</li>
 *   <li>{@link #answered}: P1 submitted 2 h ago, answered after 30 min (REPLY_AND_WAIT): first response MET in time,
 *   WAITING_ON_CUSTOMER.</li>
 * </ul>
 * So: open P1×OPEN 2, P1×WAITING_ON_CUSTOMER 1; one breached, one at risk; first response 1 of 2 decided P1 tickets
 * met (50 %), median 30 min.
 */
public record SlaSeed(String breached, String atRisk, String answered) {

  public static SlaSeed plant(TicketApi api, RuntimeService runtime, ManagementService management, Instant now) throws Exception {
    String breached = at(now.minus(Duration.ofHours(3)), () -> api.submitId(p1("The whole region is down")));
    String answered = at(now.minus(Duration.ofHours(2)), () -> api.submitId(p1("Meetings fail to start")));
    String atRisk = at(now.minus(Duration.ofMinutes(50)), () -> api.submitId(p1("Nobody can join")));
    at(now.minus(Duration.ofHours(2)), () -> fire(runtime, management, breached, "FirstResponseBreached"));
    at(now.minus(Duration.ofMinutes(90)), () -> {
      api.agentCompletes(answered, "FirstResponse", "action", "REPLY_AND_WAIT", "reply", "Which region are you in?");
      return null;
    });
    at(now.minus(Duration.ofMinutes(5)), () -> fire(runtime, management, atRisk, "FirstResponseAtRisk"));
    ClockUtil.setCurrentTime(Date.from(now));
    return new SlaSeed(breached, atRisk, answered);
  }

  static java.util.Map<String, Object> p1(String subject) {
    return TicketApi.ticket("impact", "SERVICE_DOWN", "channel", "CHAT", "subject", subject);
  }

  private static String fire(RuntimeService runtime, ManagementService management, String ticketId, String timer) {
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).singleResult().getId();
    Job job = management.createJobQuery().processInstanceId(instance).activityId(timer).singleResult();
    assertThat(job).as("timer %s of %s", timer, ticketId).isNotNull();
    management.executeJob(job.getId());
    return null;
  }

  interface Step<T> {
    T run() throws Exception;
  }

  private static <T> T at(Instant time, Step<T> step) throws Exception {
    ClockUtil.setCurrentTime(Date.from(time));
    return step.run();
  }
}
