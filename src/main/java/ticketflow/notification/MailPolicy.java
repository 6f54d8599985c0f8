package ticketflow.notification;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import ticketflow.sla.SlaState;
import ticketflow.sla.SlaStepReached;
import ticketflow.ticket.Ticket;

/**
 * Which mails a ticket event makes, to whom and with what text. The customer hears of the first response, every
 * agent reply, a proposed solution (each quoting the agent's reply) and the closing; staff hear when a commitment
 * is at risk or breached, and the customer never does: staff mails go only to the staff addresses given, without
 * the customer's address even when a staff account shares it.
 */
public final class MailPolicy {

  /** The outbox column sizes. */
  static final int MAX_SUBJECT = 400;
  static final int MAX_BODY = 40_000;
  static final int MAX_ADDRESS = 320;

  private static final String SIGNATURE = "\n-- \nticketflow support\n";

  /** The customer's mail about an agent's reply; none without a reply. A proposal is told as such, even as the first response. */
  public Optional<Mail> agentReplied(Ticket ticket, boolean first, String reply, boolean proposesSolution) {
    if (reply == null || reply.isBlank() || !isAddress(ticket.requesterEmail())) {
      return Optional.empty();
    }
    MailKind kind = proposesSolution ? MailKind.SOLUTION_PROPOSED : first ? MailKind.FIRST_RESPONSE : MailKind.AGENT_REPLY;
    String lead = switch (kind) {
      case SOLUTION_PROPOSED -> "our support team proposes a solution for your ticket " + ticket.id() + ":";
      case FIRST_RESPONSE -> "thank you for contacting us. Our support team has answered your ticket " + ticket.id() + ":";
      default -> "our support team has replied on your ticket " + ticket.id() + ":";
    };
    String next = switch (kind) {
      case SOLUTION_PROPOSED -> "Please tell us whether this solves your problem. If we do not hear from you, the ticket"
          + " closes on its own after a while.";
      default -> "To answer, reply where you opened the ticket and mention " + ticket.id() + ".";
    };
    String label = switch (kind) {
      case SOLUTION_PROPOSED -> "Proposed solution";
      case FIRST_RESPONSE -> "First response";
      default -> "New reply";
    };
    String body = "Hello,\n\n" + lead + "\n\n" + reply.strip() + "\n\n" + next + "\n\n" + about(ticket) + SIGNATURE;
    return Optional.of(mail(ticket.requesterEmail(), ticket, label, body, kind));
  }

  /** The customer's mail about the closing, with the reason the ticket closed. */
  public Optional<Mail> closed(Ticket ticket, String why) {
    return closed(ticket, why, null);
  }

  /**
   * The customer's mail about the closing, with the reason the ticket closed and, when given, the one-time link to
   * score it (1 to 5).
   */
  public Optional<Mail> closed(Ticket ticket, String why, String satisfactionLink) {
    if (!isAddress(ticket.requesterEmail())) {
      return Optional.empty();
    }
    String reason = why == null || why.isBlank() ? "Ticket closed." : why.strip();
    String rate = satisfactionLink == null ? ""
        : "How did we do? Rate our help from 1 to 5 (the link works once):\n" + satisfactionLink + "\n\n";
    String body = "Hello,\n\nyour ticket " + ticket.id() + " is now closed.\n\n" + reason
        + "\n\nIf the problem comes back, open a new ticket and mention " + ticket.id() + ".\n\n" + rate + about(ticket) + SIGNATURE;
    return Optional.of(mail(ticket.requesterEmail(), ticket, "Closed", body, MailKind.CLOSED));
  }

  /**
   * Staff mails about a ladder step (at risk, breached, escalated further), naming the commitment, its due time and
   * who the task is offered to now: one per staff address (blank and malformed ones skipped, each address once),
   * never to the customer's address.
   */
  public List<Mail> slaReached(Ticket ticket, SlaStepReached reached, Collection<String> staffAddresses) {
    if (reached.state() == null) {
      return List.of();
    }
    String what = commitmentName(reached.commitment().name());
    String dueAt = reached.due() == null ? "unknown" : DateTimeFormatter.ISO_INSTANT.format(reached.due());
    boolean atRisk = reached.state() == SlaState.AT_RISK;
    MailKind kind = atRisk ? MailKind.AT_RISK : MailKind.BREACHED;
    String label = atRisk ? "At risk: " + what + " due " + dueAt
        : reached.stateChanged() ? "Breached: " + what + " was due " + dueAt
        : "Escalated (level " + reached.level() + "): " + what + " was due " + dueAt;
    String offered = reached.offeredTo().isEmpty() ? "." : "; its open task is now offered to " + String.join(", ", reached.offeredTo()) + " too.";
    String body = "Ticket " + ticket.id() + " " + quoted(ticket.subject()) + (atRisk
        ? " is at risk of missing its " + what + " commitment" + offered
        : reached.stateChanged() ? " has breached its " + what + " commitment" + offered
        : " is still past its " + what + " commitment (escalation level " + reached.level() + ")" + offered)
        + "\n\nCommitment: " + what
        + "\nDue: " + dueAt
        + "\nPriority: " + (ticket.priority() == null ? "-" : ticket.priority().name())
        + "\nQueue: " + (ticket.queue() == null ? "-" : ticket.queue())
        + "\nStatus: " + ticket.status().name()
        + "\nAccount: " + ticket.accountId()
        + "\n\nFind it in Tasklist or Cockpit by its business key " + ticket.id() + ", or at GET /api/tickets/" + ticket.id() + "."
        + "\nThis is an internal notice for staff; the customer is not told.\n" + SIGNATURE;
    List<Mail> mails = new ArrayList<>();
    for (String address : staffRecipients(ticket, staffAddresses)) {
      mails.add(mail(address, ticket, label, body, kind));
    }
    return mails;
  }

  /** The staff addresses, each once (case-insensitive), without blanks, malformed ones and the customer's address. */
  List<String> staffRecipients(Ticket ticket, Collection<String> addresses) {
    String customer = ticket.requesterEmail() == null ? "" : ticket.requesterEmail().strip().toLowerCase(Locale.ROOT);
    Set<String> seen = new LinkedHashSet<>();
    List<String> recipients = new ArrayList<>();
    for (String address : addresses) {
      if (!isAddress(address)) {
        continue;
      }
      String a = address.strip();
      String key = a.toLowerCase(Locale.ROOT);
      if (!key.equals(customer) && seen.add(key)) {
        recipients.add(a);
      }
    }
    return recipients;
  }

  static String commitmentName(String commitment) {
    if (commitment == null || commitment.isBlank()) {
      return "response";
    }
    return switch (commitment) {
      case "FIRST_RESPONSE" -> "first response";
      case "RESOLUTION" -> "resolution";
      case "UPDATE" -> "periodic update";
      default -> commitment.toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  private static Mail mail(String to, Ticket ticket, String label, String body, MailKind kind) {
    String subject = oneLine("[" + ticket.id() + "] " + label + ": " + ticket.subject());
    return new Mail(to.strip(), cut(subject, MAX_SUBJECT), cut(body, MAX_BODY), ticket.id(), kind);
  }

  private static String about(Ticket ticket) {
    return "Ticket: " + ticket.id() + " " + quoted(ticket.subject());
  }

  private static String quoted(String subject) {
    return "\"" + oneLine(subject == null ? "" : subject) + "\"";
  }

  /** Header-safe: no line breaks or other control characters in a subject. */
  static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
  }

  /** One plain address: something@domain, no spaces, commas, angle brackets or control characters. */
  static boolean isAddress(String address) {
    if (address == null) {
      return false;
    }
    String a = address.strip();
    int at = a.lastIndexOf('@');
    return a.length() <= MAX_ADDRESS && at > 0 && at < a.length() - 1 && !a.matches(".*[\\s,;<>\"()\\p{Cntrl}].*");
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
