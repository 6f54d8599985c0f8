package ticketflow.lifecycle;

/**
 * Stand-in for the {@code autoClose} bean the model's wait-for-the-customer timers call: production's default setting.
 * Public, as the engine's expressions call it.
 */
public final class AutoCloseStandIn {

  public String after() {
    return IntakeTickets.AUTO_CLOSE_AFTER.toString();
  }
}
