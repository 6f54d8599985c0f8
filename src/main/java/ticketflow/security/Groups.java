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

  /** Groups whose members work tickets in Tasklist; a queue name is its group id. */
  public static final Set<String> AGENT_QUEUES = Set.of("support-web", "support-chat", "support-phone", "support-oncall",
      "trust-and-safety", "billing", "sales", ENGINEERING, ENGINEERING_ONCALL);

  public static final List<String> ALL = List.of(INTAKE_CLIENTS, "support-web", "support-chat", "support-phone",
      "support-oncall", "trust-and-safety", "billing", "sales", ENGINEERING, ENGINEERING_ONCALL, SUPPORT_LEADS,
      SUPPORT_MANAGERS, ADMIN);

  private Groups() {
  }
}
