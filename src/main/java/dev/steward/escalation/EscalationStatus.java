package dev.steward.escalation;

/** Where an escalation stands. */
public enum EscalationStatus {
  /** filed, waiting for the first response */
  OPEN,
  /** the response SLA was breached: moved up a tier to the executives */
  ESCALATED,
  /** answered, being worked on */
  IN_PROGRESS,
  /** resolution recorded, waiting for the filer to confirm */
  RESOLVED,
  /** the filer rejected the resolution */
  REOPENED,
  CLOSED
}
