package ticketflow.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ticketflow.report.SlaFigures.QueueFigures;

/**
 * SLA figures by SQL over tf_ticket (with the SLA outcomes and score copied onto it, V19), tf_sla_clock and tf_sla_event
 * (portable: H2 and PostgreSQL), grouped in the database; Java only adds up the groups. "Open" is every status but CLOSED and DEFLECTED. Times are
 * the engine's clock, so tests that move it get figures as of the moved time.
 */
@Service
public class SlaReport {

  static final Duration WEEK = Duration.ofDays(7);
  static final Duration MONTH = Duration.ofDays(30);

  private final OpenQueries open;
  private final ComplianceQueries compliance;
  private final SatisfactionQueries satisfaction;
  private final TrendQueries trend;
  private final ReportZone zone;
  private final Clock clock;

  SlaReport(OpenQueries open, ComplianceQueries compliance, SatisfactionQueries satisfaction, TrendQueries trend,
      ReportZone zone, Clock clock) {
    this.open = open;
    this.compliance = compliance;
    this.satisfaction = satisfaction;
    this.trend = trend;
    this.zone = zone;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  public ZoneId zone() {
    return zone.zone();
  }

  /** The last {@code days} days in the report's zone: from the start of the day {@code days - 1} days ago to now. */
  public Instant startOfLastDays(int days, Instant now) {
    LocalDate first = now.atZone(zone()).toLocalDate().minusDays(days - 1L);
    return first.atStartOfDay(zone()).toInstant();
  }

  /** The figures now, with compliance, satisfaction and trend of tickets created in [from, to). */
  @Transactional(readOnly = true)
  public SlaFigures figures(Instant from, Instant to) {
    Instant now = now();
    List<ComplianceQueries.Counts> counts = compliance.counts(from, to);
    Map<String, Long> medians = compliance.medians(from, to);
    Map<String, long[]> scores = satisfaction.counts(from, to);
    return new SlaFigures(now, open.openTickets(), open.overdue("AT_RISK", now), open.overdue("BREACHED", now),
        ComplianceQueries.compliance(ComplianceQueries.FIRST_RESPONSE, from, to, counts, medians),
        ComplianceQueries.compliance(ComplianceQueries.RESOLUTION, from, to, counts, medians),
        compliance.updates(from, to), byQueue(counts, scores), SatisfactionQueries.overall(scores),
        trend.trend(from, to, zone()), zone().getId());
  }

  /** The board: the figures now, compliance over the last 7 and 30 days (both windows end now). */
  @Transactional(readOnly = true)
  public SlaBoard board() {
    Instant now = now();
    return new SlaBoard(now, open.openTickets(), open.overdue("AT_RISK", now), open.overdue("BREACHED", now),
        firstResponse(now.minus(WEEK), now), firstResponse(now.minus(MONTH), now));
  }

  private SlaFigures.Compliance firstResponse(Instant from, Instant to) {
    return ComplianceQueries.compliance(ComplianceQueries.FIRST_RESPONSE, from, to, compliance.counts(from, to),
        compliance.medians(from, to));
  }

  /** Every queue with open tickets now or tickets decided or scored in the window, by name. */
  private List<QueueFigures> byQueue(List<ComplianceQueries.Counts> counts, Map<String, long[]> scores) {
    Map<String, long[]> now = open.perQueue();
    Map<String, long[]> firstResponse = ComplianceQueries.perQueue(ComplianceQueries.FIRST_RESPONSE, counts);
    Map<String, long[]> resolution = ComplianceQueries.perQueue(ComplianceQueries.RESOLUTION, counts);
    TreeSet<String> queues = new TreeSet<>(now.keySet());
    queues.addAll(firstResponse.keySet());
    queues.addAll(resolution.keySet());
    queues.addAll(scores.keySet());
    List<QueueFigures> rows = new ArrayList<>();
    for (String q : queues) {
      long[] o = now.getOrDefault(q, new long[3]);
      long[] fr = firstResponse.getOrDefault(q, new long[2]);
      long[] res = resolution.getOrDefault(q, new long[2]);
      rows.add(new QueueFigures(q, o[0], o[1], o[2], ReportSql.rate(fr[1], fr[0]), ReportSql.rate(res[1], res[0]),
          SatisfactionQueries.average(scores.getOrDefault(q, new long[5]))));
    }
    return rows;
  }
}
