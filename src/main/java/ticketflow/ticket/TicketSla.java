package ticketflow.ticket;

/** Where a ticket's view finds its response commitments: the SLA module answers, so tickets know nothing of clocks. */
public interface TicketSla {

  /** The ticket's commitments, with every SLA event when {@code withEvents}. */
  TicketView.Sla of(String ticketId, boolean withEvents);
}
