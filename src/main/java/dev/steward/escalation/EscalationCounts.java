package dev.steward.escalation;

/**
 * A vendor's escalations at a glance.
 *
 * @param open not yet resolved or closed
 * @param openBreached open ones whose response or resolution SLA was breached
 * @param breachedSince escalations with an SLA breach at or after the asked instant
 */
public record EscalationCounts(long open, long openBreached, long breachedSince) {

  public static final EscalationCounts NONE = new EscalationCounts(0, 0, 0);
}
