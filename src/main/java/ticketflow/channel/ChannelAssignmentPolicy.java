package ticketflow.channel;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Serves the requested channel when the requester is entitled to it, otherwise the best entitled one.
 * PHONE also needs a passed caller verification; a failed one falls back and says so (without secrets).
 */
public final class ChannelAssignmentPolicy {

  public ChannelAssignment assign(Channel requested, Collection<Channel> entitled, CallerVerification verification) {
    Set<Channel> usable = entitled.isEmpty() ? EnumSet.of(Channel.SELF_SERVICE) : EnumSet.copyOf(entitled);
    boolean phoneRefused = usable.contains(Channel.PHONE) && !verification.grantsPhone();
    if (phoneRefused) {
      usable.remove(Channel.PHONE);
    }
    if (usable.contains(requested)) {
      return new ChannelAssignment(requested, requested, "Requested channel " + requested + " is included in the requester's entitlement.");
    }
    Channel fallback = Channel.best(usable).orElse(Channel.SELF_SERVICE);
    String why;
    if (requested == Channel.PHONE && phoneRefused) {
      why = verification == CallerVerification.NOT_PROVIDED
          ? "PHONE requires caller verification, but no personal meeting ID and host key were given"
          : "PHONE caller verification failed: the personal meeting ID or host key did not match the account directory";
    } else {
      why = "Requested channel " + requested + " is not included in the requester's entitlement";
    }
    return new ChannelAssignment(requested, fallback, why + "; assigned the best entitled channel, " + fallback + ".");
  }
}
