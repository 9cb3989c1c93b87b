package dev.steward.vendor;

/** Where the vendor stands in its lifecycle with the brand. */
public enum LifecyclePhase {
  EVALUATION,
  PILOT,
  ONBOARDING,
  TRAINING,
  OPERATING,
  TRANSITION,
  OFFBOARDED
}
