package ticketflow.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ticketflow.account.Account;
import ticketflow.account.AccountRepository;
import ticketflow.account.HostKeyHasher;
import ticketflow.account.Member;
import ticketflow.account.Plan;
import ticketflow.account.Role;
import ticketflow.security.Groups;

/**
 * The demo profile's people and customers: an account per plan with an owner, an admin, a licensed and a basic
 * member; one agent per queue, a lead, a manager and an intake client. Listed in the README.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  /** user id → group. */
  static final Map<String, String> STAFF = new LinkedHashMap<>();

  static {
    STAFF.put("web.agent", Groups.SUPPORT_WEB);
    STAFF.put("chat.agent", Groups.SUPPORT_CHAT);
    STAFF.put("phone.agent", Groups.SUPPORT_PHONE);
    STAFF.put("oncall.agent", Groups.SUPPORT_ONCALL);
    STAFF.put("safety.agent", Groups.TRUST_AND_SAFETY);
    STAFF.put("billing.agent", Groups.BILLING);
    STAFF.put("sales.agent", Groups.SALES);
    STAFF.put("engineer", Groups.ENGINEERING);
    STAFF.put("oncall.engineer", Groups.ENGINEERING_ONCALL);
    STAFF.put("lead", Groups.SUPPORT_LEADS);
    STAFF.put("manager", Groups.SUPPORT_MANAGERS);
    STAFF.put("portal", Groups.INTAKE_CLIENTS);
  }

  private final IdentityService identity;
  private final AccountRepository accounts;
  private final HostKeyHasher hasher;
  private final String password;

  DemoData(IdentityService identity, AccountRepository accounts, HostKeyHasher hasher,
      @Value("${ticketflow.demo.password}") String password) {
    this.identity = identity;
    this.accounts = accounts;
    this.hasher = hasher;
    this.password = password;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    List<String> seeded = new ArrayList<>();
    STAFF.forEach((userId, group) -> {
      if (identity.createUserQuery().userId(userId).count() == 0) {
        User user = identity.newUser(userId);
        user.setFirstName(userId);
        user.setLastName("(demo)");
        user.setEmail(userId + "@ticketflow.example");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(userId, group);
        seeded.add(userId + " (" + group + ")");
      }
    });
    Plan[] plans = Plan.values();
    for (int p = 0; p < plans.length; p++) {
      String id = "acme-" + plans[p].name().toLowerCase();
      if (accounts.find(id).isPresent()) {
        continue;
      }
      List<Member> members = new ArrayList<>();
      Role[] roles = Role.values();
      for (int r = 0; r < roles.length; r++) {
        members.add(new Member(roles[r].name().toLowerCase() + "@" + id + ".example", roles[r],
            personalMeetingId(p, r), hasher.hash(hostKey(p, r))));
      }
      accounts.save(new Account(id, plans[p], members));
      seeded.add("account " + id + " (" + plans[p] + ")");
    }
    if (seeded.isEmpty()) {
      log.info("Demo data already present");
    } else {
      log.info("Demo data seeded (password '{}' for every demo user): {}", password, String.join(", ", seeded));
    }
  }

  /** e.g. 5550100200 for the owner of the BUSINESS account (plan 2, role 0). */
  static String personalMeetingId(int plan, int role) {
    return "55501" + plan + "0" + role + "00";
  }

  /** e.g. 200100 for the owner of the BUSINESS account. */
  static String hostKey(int plan, int role) {
    return plan + "" + role + "0100";
  }
}
