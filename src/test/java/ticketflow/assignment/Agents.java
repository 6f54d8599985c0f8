package ticketflow.assignment;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import ticketflow.ApiClient;

/** Agents of the tests' own, with the demo password, so that a queue's members are what a test says. */
final class Agents {

  private Agents() {
  }

  static String create(IdentityService identity, String prefix, String queue) {
    String id = ApiClient.unique(prefix);
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("(test)");
    user.setPassword(ApiClient.DEMO_PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, queue);
    return id;
  }
}
