package ticketflow.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A P2 submitted outside business hours is also offered to the on-call queue (DESIGN §1). */
public final class OnCallPolicy {

  public static final String ONCALL_QUEUE = "support-oncall";

  public List<String> offeredTo(String queue, String priority, SupportCalendar business, Instant submittedAt) {
    List<String> groups = new ArrayList<>(List.of(queue));
    if ("P2".equals(priority) && !business.isOpen(submittedAt) && !queue.equals(ONCALL_QUEUE)) {
      groups.add(ONCALL_QUEUE);
    }
    return groups;
  }
}
