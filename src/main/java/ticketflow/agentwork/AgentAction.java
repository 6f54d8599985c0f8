package ticketflow.agentwork;

import ticketflow.ticket.TicketStatus;

/** What an agent does when completing a FirstResponse or WorkTicket task. */
public enum AgentAction {
  REPLY_AND_WAIT(TicketStatus.WAITING_ON_CUSTOMER, true),
  ESCALATE_TO_ENGINEERING(TicketStatus.WITH_ENGINEERING, false),
  PROPOSE_SOLUTION(TicketStatus.SOLUTION_PROPOSED, true);

  private final TicketStatus leadsTo;
  private final boolean needsReply;

  AgentAction(TicketStatus leadsTo, boolean needsReply) {
    this.leadsTo = leadsTo;
    this.needsReply = needsReply;
  }

  public TicketStatus leadsTo() {
    return leadsTo;
  }

  public boolean needsReply() {
    return needsReply;
  }
}
