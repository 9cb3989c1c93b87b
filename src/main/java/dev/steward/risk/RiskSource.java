package dev.steward.risk;

/** Where a risk item came from; the item's source reference names the thing it came from. */
public enum RiskSource {
  /** Entered by a user; no source reference. */
  MANUAL,
  /** An escalation resolved with a root cause; the reference is the escalation id. */
  ESCALATION_ROOT_CAUSE,
  /** An action item of a quarterly business review; the reference is {@code reviewId#n}. */
  QBR_ACTION
}
