package dev.steward.transition;

/**
 * Where a transition stands: {@code PROPOSED} until both executives approved (or one rejected),
 * {@code APPROVED} while the plan work runs (and while a new evaluation is to find the successor),
 * {@code PARALLEL_RUN} while both vendors serve, {@code AWAITING_CUT_OVER} once the run is
 * compared, then {@code COMPLETED} (cut over) or {@code REJECTED}.
 */
public enum TransitionStatus {
  PROPOSED,
  APPROVED,
  PARALLEL_RUN,
  AWAITING_CUT_OVER,
  COMPLETED,
  REJECTED;

  /** Whether the transition is still running. */
  public boolean isOpen() {
    return this != COMPLETED && this != REJECTED;
  }
}
