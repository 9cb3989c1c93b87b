package dev.steward.escalation;

/**
 * How bad it is; the SLA table (escalation-sla.dmn) sets response and resolution times per
 * severity.
 */
public enum Severity {
  P1,
  P2,
  P3,
  P4
}
