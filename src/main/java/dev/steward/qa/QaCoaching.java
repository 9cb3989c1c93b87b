package dev.steward.qa;

import java.time.Instant;

/**
 * Coaching for an agent whose QA score in a cycle is below the pass mark, done by the vendor's BPO
 * lead.
 *
 * @param focus the weakest categories, as shown to the lead
 */
record QaCoaching(
    String id,
    String cycleId,
    String vendorId,
    String agentId,
    double qaScore,
    String focus,
    Status status,
    String note,
    String coachedBy,
    Instant createdAt,
    Instant completedAt) {

  enum Status {
    OPEN,
    DONE
  }
}
