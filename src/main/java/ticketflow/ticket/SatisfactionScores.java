package ticketflow.ticket;

import java.util.Optional;

/** Where a ticket's view finds the customer's satisfaction score: the satisfaction module answers. */
public interface SatisfactionScores {

  /** The score the customer gave the closed ticket, if any. */
  Optional<TicketView.Satisfaction> of(String ticketId);
}
