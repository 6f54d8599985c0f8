package ticketflow.channel;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Support channels, declared from the least to the most personal. */
public enum Channel {
  SELF_SERVICE, CHATBOT, WEB, CHAT, PHONE;

  /** Self-service channels end with knowledge-base suggestions instead of an agent task. */
  public boolean deflects() {
    return this == SELF_SERVICE || this == CHATBOT;
  }

  /** The best of the given channels in the order PHONE > CHAT > WEB > CHATBOT > SELF_SERVICE. */
  public static Optional<Channel> best(Collection<Channel> channels) {
    return channels.stream().max(Comparator.naturalOrder());
  }
}
