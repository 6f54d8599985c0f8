package ticketflow.timeline;

/** What a timeline entry tells. */
public enum TimelineKind {
  SUBMITTED,
  /** The entitlement rules gave the ticket its channel. */
  CHANNEL_DECIDED,
  /** The priority and queue tables gave the ticket its priority and queue. */
  PRIORITY_DECIDED,
  /** Stored once per triaged ticket; the timeline shows it as CHANNEL_DECIDED, PRIORITY_DECIDED and STATUS_CHANGED. */
  TRIAGED,
  PRIORITY_CHANGED,
  STATUS_CHANGED,
  /** A task was given to someone, by someone else or by a rule. */
  ASSIGNED,
  /** An agent took a task themselves. */
  CLAIMED,
  UNASSIGNED,
  NOTE_ADDED,
  /** An agent's reply went to the customer. */
  REPLIED,
  CUSTOMER_MESSAGE,
  /** ticketflow wrote to the customer (knowledge-base answers, the closing). */
  SYSTEM_MESSAGE,
  /** A response commitment was met, at risk, breached or escalated. */
  SLA_EVENT,
  /** The ticket's process moved to another version of the lifecycle. */
  MIGRATED,
  /** The ticket's personal data was replaced after the retention period. */
  ANONYMISED,
  /** The requester asked to be forgotten: the ticket was anonymised (and closed first when it was open). */
  ERASED,
  /** The customer scored the closed ticket (1 to 5), through the portal or the closing mail's link. */
  SATISFACTION
}
