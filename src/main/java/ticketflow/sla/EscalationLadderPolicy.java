package ticketflow.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ticketflow.calendar.SupportCalendar;

/**
 * When each step of the escalation ladder falls due: a share of the target in the calendar's open time, counted
 * from the clock's start, pushed back by the open time the ticket spent waiting on the customer. And what a step is
 * when several rows of the ladder table name it: one row gives its percent, state and level, every row adds groups.
 */
public final class EscalationLadderPolicy {

  public Map<String, Instant> ladder(SupportCalendar calendar, Instant start, Duration target, Duration pausedOpenTime,
      List<LadderRung> rungs) {
    Map<String, Instant> ladder = new LinkedHashMap<>();
    for (LadderRung rung : rungs) {
      ladder.put(rung.step(), calendar.plus(start, rung.of(target).plus(pausedOpenTime)));
    }
    return ladder;
  }

  /** The commitment is due when its whole target of open time is gone. */
  public Instant due(SupportCalendar calendar, Instant start, Duration target, Duration pausedOpenTime) {
    return calendar.plus(start, target.plus(pausedOpenTime));
  }

  /** The next periodic update is due one cadence of open time after the last one (or the clock's start). */
  public Instant nextUpdate(SupportCalendar calendar, Instant last, Duration cadence) {
    return calendar.plus(last, cadence);
  }

  /** Open time the customer kept the ticket waiting, from the pause until now. */
  public Duration waited(SupportCalendar calendar, Instant pausedAt, Instant resumedAt) {
    return calendar.openTimeBetween(pausedAt, resumedAt);
  }

  /**
   * The steps of matching rows, in table order: rows naming the same step are one step whose percent, state and
   * level come from the row that gives them and whose groups are all the rows' groups. A step without a percent is
   * no step.
   */
  public List<LadderRung> merge(List<Row> rows) {
    Map<String, Row> byStep = new LinkedHashMap<>();
    Map<String, Set<String>> offers = new LinkedHashMap<>();
    Map<String, Set<String>> mails = new LinkedHashMap<>();
    for (Row row : rows) {
      if (row.step() == null || row.step().isBlank()) {
        continue;
      }
      byStep.merge(row.step(), row, (a, b) -> a.percent() != null ? a : b);
      offers.computeIfAbsent(row.step(), s -> new LinkedHashSet<>()).addAll(groups(row.offerTo()));
      mails.computeIfAbsent(row.step(), s -> new LinkedHashSet<>()).addAll(groups(row.mailTo()));
    }
    List<LadderRung> rungs = new ArrayList<>();
    byStep.forEach((step, row) -> {
      if (row.percent() != null) {
        rungs.add(new LadderRung(step, row.percent(), row.state() == null || row.state().isBlank() ? null : SlaState.valueOf(row.state()),
            row.level() == null ? 0 : row.level(), List.copyOf(offers.get(step)), List.copyOf(mails.get(step))));
      }
    });
    return rungs;
  }

  private static List<String> groups(String commaSeparated) {
    return commaSeparated == null ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList();
  }

  /** One matching row of the ladder table, as the table answers it. */
  public record Row(String step, Integer percent, String state, Integer level, String offerTo, String mailTo) {
  }
}
