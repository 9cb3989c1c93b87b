package dev.steward.review;

/** The outcomes of a quarterly business review (kpis.md "QBR outcome"), as the DMN table says. */
public enum QbrOutcome {
  RECOGNIZE,
  CONTINUE,
  IMPROVEMENT_PLAN,
  PROPOSE_TRANSITION
}
