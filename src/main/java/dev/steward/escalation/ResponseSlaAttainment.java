package dev.steward.escalation;

/**
 * Escalation SLA attainment over a period (kpis.md "Escalation SLAs"): responses within SLA /
 * responses due in the period. A response is due in the period when its first-response deadline
 * falls in it (and has passed); it is within SLA when the first response came at or before the
 * deadline.
 *
 * @param due responses due in the period
 * @param withinSla of those, answered in time
 */
public record ResponseSlaAttainment(long due, long withinSla) {

  /** withinSla / due as a percentage at full precision; {@code null} when nothing was due. */
  public Double percent() {
    return due == 0 ? null : 100.0 * withinSla / due;
  }
}
