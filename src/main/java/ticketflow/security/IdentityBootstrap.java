package ticketflow.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In every profile: ticketflow's groups with their authorizations and the operator's administrator. Idempotent, so every start (and every node) can run it.
 */
@Component
@Order(0)
class IdentityBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
  private static final String PROCESS = "ticket-lifecycle";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final String adminUser;
  private final String adminPassword;

  IdentityBootstrap(IdentityService identity, AuthorizationService authorizations,
      @Value("${ticketflow.admin.user:admin}") String adminUser, @Value("${ticketflow.admin.password:}") String adminPassword) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    Groups.ALL.forEach(this::group);
    for (Resources resource : Resources.values()) {
      grant(Groups.ADMIN, resource, "*", Permissions.ALL);
    }
    for (String queue : Groups.AGENT_QUEUES) {
      grant(queue, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(queue, Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.READ);
    }
    for (String overseer : new String[] {Groups.SUPPORT_LEADS, Groups.SUPPORT_MANAGERS}) {
      grant(overseer, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(overseer, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(overseer, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK);
      grant(overseer, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
      grant(overseer, Resources.TASK, "*", TaskPermissions.READ);
      grant(overseer, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
      grant(overseer, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
      grant(overseer, Resources.DEPLOYMENT, "*", Permissions.READ);
    }
    administrator();
  }

  private void group(String id) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(id);
      group.setType(id.equals(Groups.ADMIN) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).singleResult();
    Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (existing == null) {
      auth.setGroupId(group);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!auth.isPermissionGranted(permission)) {
        auth.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }

  private void administrator() {
    if (identity.createUserQuery().userId(adminUser).count() > 0) {
      return;
    }
    boolean generated = adminPassword == null || adminPassword.isBlank();
    String password = generated ? generatePassword() : adminPassword;
    User user = identity.newUser(adminUser);
    user.setFirstName("ticketflow");
    user.setLastName("Administrator");
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(adminUser, Groups.ADMIN);
    if (generated) {
      // Shown once, at creation; the engine keeps only a salted hash.
      log.warn("Created administrator '{}' with generated password: {}  (set TICKETFLOW_ADMIN_PASSWORD to choose one)", adminUser, password);
    } else {
      log.info("Created administrator '{}' with the password from TICKETFLOW_ADMIN_PASSWORD", adminUser);
    }
  }

  private static String generatePassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
