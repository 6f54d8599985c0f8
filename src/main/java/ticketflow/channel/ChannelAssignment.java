package ticketflow.channel;

/** The channel a ticket is served on and, in words a customer or agent understands, why. */
public record ChannelAssignment(Channel requested, Channel assigned, String reason) {

  public boolean deflected() {
    return assigned.deflects();
  }
}
