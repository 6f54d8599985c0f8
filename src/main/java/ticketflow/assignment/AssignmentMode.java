package ticketflow.assignment;

/** How a queue's new tasks find their agent. */
public enum AssignmentMode {
  /** Tasks wait in the queue until an agent claims one (the default). */
  MANUAL,
  /** Each new task goes to the next available member, in turn, whatever they hold already. */
  ROUND_ROBIN,
  /** Each new task goes to the available member holding the fewest open tasks; ties in turn. */
  LEAST_LOADED
}
