package ticketflow.ticket;

import java.time.Instant;
import ticketflow.channel.Channel;

/** A support ticket as ticketflow records it; flow state lives in its ticket-lifecycle instance. */
public record Ticket(
    String id,
    String accountId,
    String requesterEmail,
    Category category,
    Impact impact,
    Workaround workaround,
    String subject,
    String description,
    TicketStatus status,
    Priority priority,
    Channel requestedChannel,
    Channel channel,
    String channelReason,
    String queue,
    int escalationLevel,
    String createdBy,
    Instant createdAt) {

  public boolean isFinished() {
    return status == TicketStatus.CLOSED || status == TicketStatus.DEFLECTED;
  }
}
