package ticketflow.report;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ticketflow.account.AccountRepository;
import ticketflow.satisfaction.SatisfactionGiven;
import ticketflow.security.Groups;
import ticketflow.sla.Commitment;
import ticketflow.sla.FirstResponseMet;
import ticketflow.sla.SlaState;
import ticketflow.sla.SlaStepReached;
import ticketflow.sla.UpdateOverdue;
import ticketflow.ticket.Ticket;
import ticketflow.ticket.TicketDeflected;
import ticketflow.ticket.TicketOpened;

/**
 * ticketflow's Micrometer metrics, scraped at {@code /actuator/prometheus} (administrators and support managers):
 * <ul>
 *   <li>{@code ticketflow.tickets.opened{priority,channel,plan}}: tickets that reached an agent queue (counted at
 *   OpenTicket, when the priority is known);</li>
 *   <li>{@code ticketflow.tickets.deflected{channel,plan}}: tickets answered from the knowledge base; submitted =
 *   opened + deflected;</li>
 *   <li>{@code ticketflow.sla.at_risk{commitment}}, {@code ticketflow.sla.breached{commitment}}: escalation ladder
 *   steps reached;</li>
 *   <li>{@code ticketflow.first_response.time{priority}}: ticket creation to first reply, a histogram;</li>
 *   <li>{@code ticketflow.tickets.open{queue}}: open tickets per queue, from a periodic count (not a query per scrape);</li>
 *   <li>{@code ticketflow.satisfaction.score{queue}}: the customers' scores (1 to 5), a histogram with a bucket per score.</li>
 * </ul>
 * They count on the lifecycle's events once the transaction that published them commits, so a rolled-back step
 * counts nothing.
 */
@Component
public class TicketMetrics {

  private static final Logger log = LoggerFactory.getLogger(TicketMetrics.class);
  private static final Duration[] FIRST_RESPONSE_BUCKETS = {Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
      Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(5)};

  private final MeterRegistry registry;
  private final JdbcTemplate jdbc;
  private final AccountRepository accounts;
  private final Map<String, AtomicLong> openPerQueue = new ConcurrentHashMap<>();

  TicketMetrics(MeterRegistry registry, JdbcTemplate jdbc, AccountRepository accounts) {
    this.registry = registry;
    this.jdbc = jdbc;
    this.accounts = accounts;
    Groups.AGENT_QUEUES.forEach(this::openGauge);
  }

  /** The ticket was triaged and opened for its queue. */
  @TransactionalEventListener(fallbackExecution = true)
  void opened(TicketOpened opened) {
    Ticket ticket = opened.ticket();
    String priority = ticket.priority() == null ? "UNKNOWN" : ticket.priority().name();
    String channel = channel(ticket);
    String plan = plan(ticket);
    Counter.builder("ticketflow.tickets.opened").description("Tickets opened for an agent queue")
        .tags("priority", priority, "channel", channel, "plan", plan).register(registry).increment();
  }

  /** The ticket was answered from the knowledge base. */
  @TransactionalEventListener(fallbackExecution = true)
  void deflected(TicketDeflected deflected) {
    Ticket ticket = deflected.ticket();
    String channel = channel(ticket);
    String plan = plan(ticket);
    Counter.builder("ticketflow.tickets.deflected").description("Tickets deflected to knowledge-base articles")
        .tags("channel", channel, "plan", plan).register(registry).increment();
  }

  /** A commitment went at risk, or breached, for the first time (a later step of the same state counts nothing). */
  @TransactionalEventListener(fallbackExecution = true)
  void slaStepReached(SlaStepReached reached) {
    if (!reached.stateChanged()) {
      return;
    }
    if (reached.state() == SlaState.AT_RISK) {
      Counter.builder("ticketflow.sla.at_risk").description("Commitments that reached 75 % of their target")
          .tag("commitment", reached.commitment().name()).register(registry).increment();
    } else if (reached.state() == SlaState.BREACHED) {
      breached(reached.commitment());
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void updateOverdue(UpdateOverdue overdue) {
    breached(Commitment.UPDATE);
  }

  /** The first reply went out some time after the ticket was created. */
  @TransactionalEventListener(fallbackExecution = true)
  void firstResponse(FirstResponseMet met) {
    if (met.time().isNegative()) {
      return;
    }
    Timer.builder("ticketflow.first_response.time").description("Ticket creation to the first agent reply")
        .tag("priority", met.priority() == null ? "UNKNOWN" : met.priority().name()).serviceLevelObjectives(FIRST_RESPONSE_BUCKETS)
        .minimumExpectedValue(Duration.ofMinutes(1)).maximumExpectedValue(Duration.ofDays(30))
        .register(registry).record(met.time());
  }

  /** The customer scored a closed ticket. */
  @TransactionalEventListener(fallbackExecution = true)
  void satisfaction(SatisfactionGiven given) {
    DistributionSummary.builder("ticketflow.satisfaction.score").description("Customers' satisfaction scores, 1 to 5")
        .tag("queue", given.queue() == null ? "NONE" : given.queue()).serviceLevelObjectives(1, 2, 3, 4, 5)
        .register(registry).record(given.score());
  }

  private void breached(Commitment commitment) {
    Counter.builder("ticketflow.sla.breached").description("Commitments that reached 100 % of their target")
        .tag("commitment", commitment.name()).register(registry).increment();
  }

  /** Counts open tickets per queue for the {@code ticketflow.tickets.open} gauges; scrapes read the cached counts. */
  @Scheduled(fixedDelayString = "${ticketflow.metrics.open-tickets-refresh:PT30S}")
  public void refreshOpenTickets() {
    try {
      Map<String, Long> counts = new HashMap<>();
      jdbc.query("select queue, count(*) from tf_ticket where status not in ('CLOSED', 'DEFLECTED') and queue is not null"
          + " group by queue", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
          });
      counts.keySet().forEach(this::openGauge);
      openPerQueue.forEach((queue, value) -> value.set(counts.getOrDefault(queue, 0L)));
    } catch (RuntimeException e) {
      log.warn("Could not count open tickets per queue for the metrics: {}", e.toString());
    }
  }

  private AtomicLong openGauge(String queue) {
    return openPerQueue.computeIfAbsent(queue, q -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder("ticketflow.tickets.open", value, AtomicLong::get).description("Open tickets in the queue")
          .tag("queue", q).register(registry);
      return value;
    });
  }

  private String plan(Ticket ticket) {
    return accounts.find(ticket.accountId()).map(a -> a.plan().name()).orElse("UNKNOWN");
  }

  private static String channel(Ticket ticket) {
    return ticket.channel() != null ? ticket.channel().name() : ticket.requestedChannel().name();
  }
}
