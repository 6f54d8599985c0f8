package ticketflow.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces a ticket's personal data: requester, subject, description, the conversation and the reasons given for
 * priority changes here, the rest by the modules that hear {@link TicketAnonymised}. Ids, dates, status, channel,
 * priority, queue and SLA outcomes stay, so reports still count the ticket.
 */
@Service
public class Anonymisation {

  private static final String GONE = TicketAnonymised.REPLACEMENT;
  private static final List<String> FINISHED = List.of(TicketStatus.CLOSED.name(), TicketStatus.DEFLECTED.name());

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Anonymisation(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /** Tickets of this requester (any case of the address) not anonymised yet, oldest first. */
  public List<String> ticketsOf(String requesterEmail) {
    return jdbc.queryForList("select id from tf_ticket where lower(requester_email) = lower(?) and anonymised_at is null"
        + " order by created_at, id", String.class, requesterEmail);
  }

  /** Closed or deflected tickets that ended before {@code cutoff} and still hold personal data, at most {@code limit}. */
  public List<String> finishedBefore(Instant cutoff, int limit) {
    return jdbc.queryForList("select id from tf_ticket where status in (?, ?) and anonymised_at is null"
        + " and coalesce(closed_at, created_at) < ? order by id limit ?", String.class, FINISHED.get(0), FINISHED.get(1),
        TicketRepository.utc(cutoff), limit);
  }

  /** Whether the ticket's personal data is gone (erased on request or past retention). */
  public boolean isAnonymised(String ticketId) {
    return !jdbc.queryForList("select id from tf_ticket where id = ? and anonymised_at is not null", String.class, ticketId)
        .isEmpty();
  }

  /** Anonymises the ticket in the caller's transaction; false when it was already (or does not exist). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean anonymise(String ticketId) {
    List<String> requester = jdbc.queryForList("select requester_email from tf_ticket where id = ? and anonymised_at is null"
        + " for update", String.class, ticketId);
    if (requester.isEmpty()) {
      return false;
    }
    TicketRepository.forget(ticketId);
    jdbc.update("update tf_ticket set requester_email = ?, subject = ?, description = ?, anonymised_at = ? where id = ?",
        GONE, GONE, GONE, TicketRepository.utc(clock.instant()), ticketId);
    jdbc.update("update tf_message set body = ? where ticket_id = ?", GONE, ticketId);
    jdbc.update("update tf_priority_change set reason = ? where ticket_id = ?", GONE, ticketId);
    events.publishEvent(new TicketAnonymised(ticketId, requester.get(0)));
    return true;
  }
}
