package dev.steward.evaluation;

/**
 * Where an evaluation round stands: bids are entered while {@code BIDDING}; the evaluators score
 * while {@code SCORING}; {@code RANKED} once the ranking is computed; {@code DECIDED} once an
 * executive selected who goes to a pilot.
 */
public enum RoundStatus {
  BIDDING,
  SCORING,
  RANKED,
  DECIDED;

  boolean isRanked() {
    return this == RANKED || this == DECIDED;
  }
}
