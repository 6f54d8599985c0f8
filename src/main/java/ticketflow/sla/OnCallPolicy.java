package ticketflow.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ticketflow.calendar.SupportCalendar;
import ticketflow.security.Groups;
import ticketflow.ticket.Priority;

/** A P2 submitted outside business hours is also offered to the on-call queue. */
public final class OnCallPolicy {

  public List<String> offeredTo(String queue, Priority priority, SupportCalendar business, Instant submittedAt) {
    List<String> groups = new ArrayList<>(List.of(queue));
    if (priority == Priority.P2 && !business.isOpen(submittedAt) && !queue.equals(Groups.SUPPORT_ONCALL)) {
      groups.add(Groups.SUPPORT_ONCALL);
    }
    return groups;
  }
}
