package ticketflow.ticket;

import java.util.List;

public record TicketPage(List<Ticket> items, int page, int size, long total) {
}
