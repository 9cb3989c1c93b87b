package dev.steward.qa;

import java.time.Instant;

/**
 * One sampled interaction and its current audit revision ({@code revision} 0 while open).
 *
 * @param drawnBy RANDOM (the uniform draw) or TOP_UP (added for minPerAgent)
 * @param score audit score 0..100, {@code null} while open or when every category is N/A
 */
record QaAudit(
    String id,
    String cycleId,
    String vendorId,
    String interactionId,
    String agentId,
    String channel,
    Instant interactionStartedAt,
    String drawnBy,
    Status status,
    int revision,
    Double score,
    Boolean passed,
    Boolean autoFailed,
    String feedback,
    String analyst,
    Instant auditedAt) {

  static final String DRAWN_AT_RANDOM = "RANDOM";
  static final String DRAWN_AS_TOP_UP = "TOP_UP";

  enum Status {
    OPEN,
    DONE
  }
}
