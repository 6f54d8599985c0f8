package ticketflow.retention;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import ticketflow.TicketApi;

/**
 * A requester of the PRO account made for one test, with texts of their own: every address and text carries
 * {@link #mark}, so a search for it finds whatever is left of them anywhere.
 */
final class Requester {

  final String mark = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  final String email = "Person." + mark + "@acme-pro.example";
  private final TicketApi tickets;

  Requester(TicketApi tickets, JdbcTemplate jdbc) {
    this.tickets = tickets;
    jdbc.update("insert into tf_account_member (account_id, email, role) values ('acme-pro', ?, 'OWNER')", email);
  }

  /** An open ticket waiting for its first response. */
  String opens() throws Exception {
    return tickets.submitId(TicketApi.ticket("requesterEmail", email, "subject", "Recording fails for " + mark,
        "description", "My name is " + mark + " and I call from +1 555 " + mark + "."));
  }

  /** A ticket whose proposed solution the requester accepted, with a comment. */
  String closes() throws Exception {
    String id = opens();
    tickets.agentCompletes(id, "FirstResponse", "action", "PROPOSE_SOLUTION", "reply", "Dear " + mark + ", restart the client.");
    tickets.customerAnswers(id, true, "Thanks, " + mark + " here: works now");
    tickets.perform(post("/api/tickets/" + id + "/satisfaction"), TicketApi.PORTAL, Map.of("score", 5, "comment", mark + " is happy"));
    return id;
  }

  /** An agent gives the ticket a note and a new priority, both quoting the requester; the requester writes once more. */
  void isDiscussed(String id) throws Exception {
    tickets.perform(post("/api/tickets/" + id + "/notes"), "web.agent", Map.of("body", "Called " + mark + " back"));
    tickets.perform(post("/api/tickets/" + id + "/priority"), "web.agent", Map.of("priority", "P2", "reason", mark + " is blocked"));
    tickets.customerWrites(id, "Any news? " + mark);
  }
}
