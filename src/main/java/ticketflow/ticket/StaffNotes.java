package ticketflow.ticket;

import java.util.List;

/** Where a ticket's view finds its internal notes: the notes module answers, so tickets know nothing of how they are kept. */
public interface StaffNotes {

  /** The ticket's notes, newest first. */
  List<TicketView.Note> newestFirst(String ticketId);
}
