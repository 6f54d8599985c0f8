package ticketflow.security;

import java.util.List;
import java.util.Set;

/** The engine groups ticketflow works with; they exist in every profile. */
public final class Groups {

  public static final String ADMIN = "camunda-admin";
  public static final String INTAKE_CLIENTS = "intake-clients";
  public static final String SUPPORT_LEADS = "support-leads";
  public static final String SUPPORT_MANAGERS = "support-managers";
  public static final String ENGINEERING = "engineering";
  public static final String ENGINEERING_ONCALL = "engineering-oncall";
  public static final String SUPPORT_WEB = "support-web";
  public static final String SUPPORT_CHAT = "support-chat";
  public static final String SUPPORT_PHONE = "support-phone";
  /** Out-of-hours queue: a P2 submitted outside business hours is offered here too. */
  public static final String SUPPORT_ONCALL = "support-oncall";
  public static final String TRUST_AND_SAFETY = "trust-and-safety";
  public static final String BILLING = "billing";
  public static final String SALES = "sales";

  /** Groups whose members work tickets in Tasklist; a queue name is its group id. */
  public static final Set<String> AGENT_QUEUES = Set.of(SUPPORT_WEB, SUPPORT_CHAT, SUPPORT_PHONE, SUPPORT_ONCALL,
      TRUST_AND_SAFETY, BILLING, SALES, ENGINEERING, ENGINEERING_ONCALL);

  public static final List<String> ALL = List.of(INTAKE_CLIENTS, SUPPORT_WEB, SUPPORT_CHAT, SUPPORT_PHONE, SUPPORT_ONCALL,
      TRUST_AND_SAFETY, BILLING, SALES, ENGINEERING, ENGINEERING_ONCALL, SUPPORT_LEADS, SUPPORT_MANAGERS, ADMIN);

  private Groups() {
  }
}
