package ticketflow.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ticketflow.database.ClusterOnce;
import ticketflow.ticket.Anonymisation;
import ticketflow.timeline.TimelineEntry;
import ticketflow.timeline.TimelineEvent;
import ticketflow.timeline.TimelineKind;

/**
 * Nightly ({@code ticketflow.retention.cron}, UTC): closed and deflected tickets that ended more than
 * {@code ticketflow.retention.closed-tickets} ago are anonymised, a hundred per transaction. One node of a cluster runs
 * it ({@link ClusterOnce}); a run cut short leaves the rest for the next, since anonymised tickets are never taken again.
 */
@Component
class RetentionJob {

  static final String JOB = "retention";
  private static final int BATCH = 100;
  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final Anonymisation anonymisation;
  private final RetentionSettings settings;
  private final ClusterOnce clusterOnce;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  RetentionJob(Anonymisation anonymisation, RetentionSettings settings, ClusterOnce clusterOnce,
      ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
    this.anonymisation = anonymisation;
    this.settings = settings;
    this.clusterOnce = clusterOnce;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Scheduled(cron = "${ticketflow.retention.cron:0 30 2 * * *}", zone = "UTC")
  void nightly() {
    if (clusterOnce.claim(JOB, Duration.ofHours(1))) {
      int anonymised = anonymiseExpired();
      log.info("Retention: anonymised {} ticket(s) that ended before {} ago", anonymised, settings.closedTickets());
    }
  }

  /** Anonymises every ticket past retention now; answers how many. */
  int anonymiseExpired() {
    Instant cutoff = settings.cutoff(clock.instant());
    int total = 0;
    while (true) {
      Integer done = transaction.execute(status -> {
        List<String> due = anonymisation.finishedBefore(cutoff, BATCH);
        int count = 0;
        for (String ticketId : due) {
          if (anonymisation.anonymise(ticketId)) {
            events.publishEvent(new TimelineEvent(ticketId, TimelineKind.ANONYMISED, TimelineEntry.TICKETFLOW,
                Map.of("retention", settings.closedTickets().toString())));
            count++;
          }
        }
        return count;
      });
      total += done == null ? 0 : done;
      if (done == null || done < BATCH) {
        return total;
      }
    }
  }
}
