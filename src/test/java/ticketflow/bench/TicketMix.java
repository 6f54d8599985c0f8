package ticketflow.bench;

/**
 * The surge's tickets, as the portal, the chat widget and the IVR send them: of every ten, seven web and chat
 * tickets across the paid plans and their licensed roles, two that the policy deflects to self-service (free plan,
 * chatbot requests) and one for a specialist team (abuse, billing, sales).
 */
final class TicketMix {

  private static final String[] PAID_PLANS = {"pro", "business", "education", "enterprise", "api"};
  private static final String[] LICENSED_ROLES = {"owner", "admin", "licensed"};
  private static final String[] SPECIAL_CATEGORIES = {"ABUSE_REPORT", "BILLING_DISCREPANCY", "SALES_INQUIRY"};
  private static final String[] IMPACTS = {"FEATURE_ISSUE", "MAJOR_FEATURE_DEGRADED", "SEVERELY_DEGRADED", "INFORMATION_REQUEST", "SERVICE_DOWN"};
  private static final String[] WORKAROUNDS = {"NONE", "PARTIAL", "AVAILABLE"};

  private TicketMix() {
  }

  /** True for the two in ten the policy answers from the knowledge base, with no agent task. */
  static boolean deflected(long n) {
    long slot = n % 10;
    return slot == 7 || slot == 8;
  }

  /** The n-th ticket of the surge. */
  static String ticket(long n, String subject) {
    long slot = n % 10;
    long round = n / 10;
    if (slot < 7) {
      String plan = PAID_PLANS[(int) ((n + round) % PAID_PLANS.length)];
      String role = LICENSED_ROLES[(int) (round % LICENSED_ROLES.length)];
      return json("acme-" + plan, role + "@acme-" + plan + ".example", slot % 2 == 0 ? "WEB" : "CHAT",
          round % 4 == 0 ? "ACCOUNT" : "TECHNICAL", IMPACTS[(int) (n % IMPACTS.length)], WORKAROUNDS[(int) (round % 3)], subject);
    }
    if (slot == 7) {
      return json("acme-free", "owner@acme-free.example", "WEB", "TECHNICAL", "FEATURE_ISSUE", "NONE", subject);
    }
    if (slot == 8) {
      String plan = PAID_PLANS[(int) (round % PAID_PLANS.length)];
      return json("acme-" + plan, "licensed@acme-" + plan + ".example", "CHATBOT", "TECHNICAL", "INFORMATION_REQUEST", "AVAILABLE", subject);
    }
    String plan = PAID_PLANS[(int) (round % PAID_PLANS.length)];
    return json("acme-" + plan, "owner@acme-" + plan + ".example", "WEB", SPECIAL_CATEGORIES[(int) (round % 3)],
        "FEATURE_ISSUE", "NONE", subject);
  }

  /** A web ticket of a PRO owner: the web queue's, worked by web.agent in the lifecycle runs. */
  static String webTicket(String subject) {
    return json("acme-pro", "owner@acme-pro.example", "WEB", "TECHNICAL", "FEATURE_ISSUE", "PARTIAL", subject);
  }

  private static String json(String account, String requester, String channel, String category, String impact,
      String workaround, String subject) {
    return "{\"accountId\":\"" + account + "\",\"requesterEmail\":\"" + requester + "\",\"channel\":\"" + channel
        + "\",\"category\":\"" + category + "\",\"impact\":\"" + impact + "\",\"workaround\":\"" + workaround
        + "\",\"subject\":\"" + subject + "\",\"description\":\"Surge benchmark ticket: the meeting drops after a few "
        + "minutes for every participant on the call.\"}";
  }
}
