package ticketflow.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is calling /api: an engine user and the engine groups they belong to. */
public record Caller(String id, Set<String> groups) {

  static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  public static Caller of(Authentication authentication) {
    Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(GROUP_AUTHORITY_PREFIX)).map(a -> a.substring(GROUP_AUTHORITY_PREFIX.length()))
        .collect(Collectors.toUnmodifiableSet());
    return new Caller(authentication.getName(), groups);
  }

  public boolean isAdmin() {
    return groups.contains(Groups.ADMIN);
  }

  public boolean isIntakeClient() {
    return groups.contains(Groups.INTAKE_CLIENTS);
  }

  /** Leads, managers and admins read every ticket. */
  public boolean readsAllTickets() {
    return isAdmin() || groups.contains(Groups.SUPPORT_LEADS) || groups.contains(Groups.SUPPORT_MANAGERS);
  }

  /** Support staff: works in a queue, or reads every ticket. Intake clients and users in no such group are not. */
  public boolean isStaff() {
    return readsAllTickets() || !queues().isEmpty();
  }

  /** The agent queues this caller works in. */
  public Set<String> queues() {
    return groups.stream().filter(Groups.AGENT_QUEUES::contains).collect(Collectors.toUnmodifiableSet());
  }
}
