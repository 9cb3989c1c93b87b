package dev.steward.vendor;

/** Where the vendor stands in its lifecycle with the brand. */
public enum LifecyclePhase {
  EVALUATION,
  PILOT,
  ONBOARDING,
  TRAINING,
  OPERATING,
  TRANSITION,
  OFFBOARDED,
  /**
   * Not selected by an evaluation round, or a no-go after the pilot: the candidate's life ended.
   */
  REJECTED;

  /** Whether the vendor's lifecycle has ended. */
  public boolean isFinal() {
    return this == OFFBOARDED || this == REJECTED;
  }
}
