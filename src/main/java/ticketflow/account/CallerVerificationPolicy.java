package ticketflow.account;

import java.util.Optional;
import ticketflow.channel.CallerVerification;
import ticketflow.channel.Channel;

/**
 * A phone caller proves they are the member by the personal meeting ID and host key the directory holds.
 * Only PHONE requests are checked; anything else needs no proof.
 */
public final class CallerVerificationPolicy {

  private final HostKeyHasher hasher;

  public CallerVerificationPolicy(HostKeyHasher hasher) {
    this.hasher = hasher;
  }

  public CallerVerification verify(Channel requested, Optional<Member> member, String personalMeetingId, String hostKey) {
    if (requested != Channel.PHONE) {
      return CallerVerification.NOT_REQUIRED;
    }
    if (personalMeetingId == null || hostKey == null) {
      return CallerVerification.NOT_PROVIDED;
    }
    // Hash even when the member is unknown, so timing does not tell whether an e-mail is in the directory.
    String stored = member.map(Member::hostKeyHash).orElse(null);
    boolean keyMatches = hasher.matches(hostKey, stored == null ? hasher.hash("no-such-member") : stored);
    boolean idMatches = member.map(m -> personalMeetingId.equals(m.personalMeetingId())).orElse(false);
    return keyMatches && idMatches && stored != null ? CallerVerification.PASSED : CallerVerification.FAILED;
  }
}
