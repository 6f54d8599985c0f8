package ticketflow.ticket;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ticketflow.api.ApiException;
import ticketflow.process.ModelContract.AgentTask;
import ticketflow.process.TicketProcess;
import ticketflow.security.Caller;
import ticketflow.security.Groups;

/**
 * Who may read which ticket over /api: leads, managers and administrators every ticket, agents those of their queues,
 * engineering those handed to it, an intake client those it submitted. A ticket the caller may not read answers like
 * one that does not exist (404).
 */
@Component
public class TicketAccess {

  /** A ticket id in a path, for {@code @Pattern} on every /api/tickets/{id}/… endpoint. */
  public static final String ID = "TF-[0-9]{1,18}";
  public static final String ID_MESSAGE = "must be a ticket id like TF-1001";

  private final TicketRepository tickets;
  private final TicketProcess process;

  TicketAccess(TicketRepository tickets, TicketProcess process) {
    this.tickets = tickets;
    this.process = process;
  }

  /** The ticket, when the caller may read it. */
  public Ticket readable(String id, Caller caller) {
    Ticket ticket = tickets.find(id).orElseThrow(() -> ApiException.notFound("Ticket", id));
    boolean allowed = caller.readsAllTickets()
        || (caller.isIntakeClient() && caller.id().equals(ticket.createdBy()))
        || (ticket.queue() != null && caller.queues().contains(ticket.queue()))
        || (isEngineer(caller) && process.hadTask(id, AgentTask.INVESTIGATE_ISSUE.key()));
    if (!allowed) {
      throw ApiException.notFound("Ticket", id);
    }
    return ticket;
  }

  /** The ticket for staff's eyes only (internal notes, timeline, canned replies): intake clients are refused with 403. */
  public Ticket readableByStaff(String id, Caller caller) {
    requireStaff(caller, "Only support staff see this.");
    return readable(id, caller);
  }

  /** 403 unless the caller is support staff (an intake client that is also an administrator counts as staff). */
  public static void requireStaff(Caller caller, String why) {
    if (!caller.isStaff()) {
      throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", why);
    }
  }

  private static boolean isEngineer(Caller caller) {
    return caller.groups().contains(Groups.ENGINEERING) || caller.groups().contains(Groups.ENGINEERING_ONCALL);
  }
}
