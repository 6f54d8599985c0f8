package ticketflow.notification;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ticketflow.ticket.TicketAnonymised;

/**
 * A ticket's mails quote its subject and conversation: their subjects, bodies, errors and the requester as recipient
 * are replaced (staff recipients, kinds and times stay), and a mail not sent yet is never sent (it shows as FAILED).
 */
@Component
class AnonymisedMail {

  private final JdbcTemplate jdbc;

  AnonymisedMail(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void anonymised(TicketAnonymised anonymised) {
    String gone = TicketAnonymised.REPLACEMENT;
    jdbc.update("update tf_mail_outbox set recipient = case when lower(recipient) = ? then ? else recipient end,"
        + " subject = ?, body = ?, last_error = case when sent_at is null then ? else null end, next_attempt_at = null"
        + " where ticket_id = ?", anonymised.formerRequester().toLowerCase(), gone, gone, gone,
        "Not sent: the ticket was anonymised.", anonymised.ticketId());
  }
}
