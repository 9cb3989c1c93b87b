package dev.steward.pilot;

/**
 * Where a pilot stands: {@code PLANNING} until the RM's plan is stored, {@code RUNNING} until its
 * timer ends it, {@code SCORED} once its scorecard is computed, {@code DECIDED} after the go/no-go.
 */
public enum PilotStatus {
  PLANNING,
  RUNNING,
  SCORED,
  DECIDED
}
