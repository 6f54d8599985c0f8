package ticketflow.account;

import java.util.List;
import java.util.Optional;

/** A customer account of the directory: its plan and the members who may ask for support. */
public record Account(String id, Plan plan, List<Member> members) {

  public Optional<Member> member(String email) {
    return members.stream().filter(m -> m.email().equalsIgnoreCase(email)).findFirst();
  }

  /** A requester the directory does not know is a basic end user. */
  public Role roleOf(String email) {
    return member(email).map(Member::role).orElse(Role.BASIC);
  }
}
