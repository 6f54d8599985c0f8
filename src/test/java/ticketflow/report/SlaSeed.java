package ticketflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;
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
 *
 * <p>With a database ({@link #plant(TicketApi, RuntimeService, ManagementService, JdbcTemplate, Instant)}) also four
 * tickets written as rows ({@link SlaRows}) with every commitment met and breached, two queues, two earlier days and
 * scores; with {@code now} = 2031-06-03T12:00Z (05:00 in Los Angeles, the business calendar's zone), day 1 is
 * 06-01T08:00Z (01:00 LA, June 1) and day 2 06-02T08:00Z (June 2):
 * <ul>
 *   <li>{@code web-fast}: support-web P2 created day 1, first response met after 1 h (due 4 h), resolved after 1 d (due
 *   3 d), updates met twice (+2 h, +20 h), closed +1 d, scored 5;</li>
 *   <li>{@code web-late}: support-web P2 created day 1, first response breached at +4 h and met at +6 h, resolution
 *   breached at +1 d and met at +2 d, one update met (+7 h) and one missed (+31 h), closed +2 d, scored 2;</li>
 *   <li>{@code billing-done}: billing P3 created day 2, first response after 2 h (due 8 h), resolved and closed after
 *   20 h (due 3 d), scored 4;</li>
 *   <li>{@link #billingBreached}: billing P3 created day 2, first response after 30 min (due 8 h), resolution breached
 *   at +1 d, still IN_PROGRESS.</li>
 * </ul>
 */
public record SlaSeed(String breached, String atRisk, String answered, String billingBreached) {

  public static SlaSeed plant(TicketApi api, RuntimeService runtime, ManagementService management, Instant now) throws Exception {
    return plant(api, runtime, management, null, now);
  }

  /** The three tickets of the lifecycle and, when {@code jdbc} is given, the four rows with known outcomes. */
  public static SlaSeed plant(TicketApi api, RuntimeService runtime, ManagementService management, JdbcTemplate jdbc, Instant now)
      throws Exception {
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
    String billingBreached = jdbc == null ? null : jdbc.execute((Connection c) -> rows(c, now));
    return new SlaSeed(breached, atRisk, answered, billingBreached);
  }

  /** The four rows; answers the id of the open, breached one. */
  static String rows(Connection connection, Instant now) throws SQLException {
    String prefix = "TF-8" + now.getEpochSecond();
    Instant day1 = now.minus(Duration.ofHours(52));
    Instant day2 = now.minus(Duration.ofHours(28));
    Duration h = Duration.ofHours(1);
    try (SlaRows rows = new SlaRows(connection)) {
      String fast = prefix + "1";
      rows.ticket(fast, "support-web", "P2", day1, day1.plus(h.multipliedBy(24)))
          .clock(fast, "FIRST_RESPONSE", day1, day1.plus(h.multipliedBy(4)), "MET", day1.plus(h))
          .clock(fast, "RESOLUTION", day1, day1.plus(h.multipliedBy(72)), "MET", day1.plus(h.multipliedBy(24)))
          .clock(fast, "UPDATE", day1, null, "NONE", day1.plus(h.multipliedBy(20)))
          .event(fast, "FIRST_RESPONSE", "MET", day1.plus(h))
          .event(fast, "UPDATE", "MET", day1.plus(h.multipliedBy(2)))
          .event(fast, "UPDATE", "MET", day1.plus(h.multipliedBy(20)))
          .event(fast, "RESOLUTION", "MET", day1.plus(h.multipliedBy(24)))
          .score(fast, 5, day1.plus(h.multipliedBy(25)));
      String late = prefix + "2";
      rows.ticket(late, "support-web", "P2", day1, day1.plus(h.multipliedBy(48)))
          .clock(late, "FIRST_RESPONSE", day1, day1.plus(h.multipliedBy(4)), "MET", day1.plus(h.multipliedBy(6)))
          .clock(late, "RESOLUTION", day1, day1.plus(h.multipliedBy(24)), "MET", day1.plus(h.multipliedBy(48)))
          .clock(late, "UPDATE", day1, null, "NONE", day1.plus(h.multipliedBy(7)))
          .event(late, "FIRST_RESPONSE", "BREACHED", day1.plus(h.multipliedBy(4)))
          .event(late, "FIRST_RESPONSE", "MET", day1.plus(h.multipliedBy(6)))
          .event(late, "UPDATE", "MET", day1.plus(h.multipliedBy(7)))
          .event(late, "RESOLUTION", "BREACHED", day1.plus(h.multipliedBy(24)))
          .event(late, "UPDATE", "BREACHED", day1.plus(h.multipliedBy(31)))
          .event(late, "RESOLUTION", "MET", day1.plus(h.multipliedBy(48)))
          .score(late, 2, day1.plus(h.multipliedBy(49)));
      String done = prefix + "3";
      rows.ticket(done, "billing", "P3", day2, day2.plus(h.multipliedBy(20)))
          .clock(done, "FIRST_RESPONSE", day2, day2.plus(h.multipliedBy(8)), "MET", day2.plus(h.multipliedBy(2)))
          .clock(done, "RESOLUTION", day2, day2.plus(h.multipliedBy(72)), "MET", day2.plus(h.multipliedBy(20)))
          .score(done, 4, day2.plus(h.multipliedBy(21)));
      String open = prefix + "4";
      rows.ticket(open, "billing", "P3", day2, null)
          .clock(open, "FIRST_RESPONSE", day2, day2.plus(h.multipliedBy(8)), "MET", day2.plus(Duration.ofMinutes(30)))
          .clock(open, "RESOLUTION", day2, day2.plus(h.multipliedBy(24)), "BREACHED", null)
          .event(open, "RESOLUTION", "BREACHED", day2.plus(h.multipliedBy(24)));
      return open;
    }
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
