package dev.steward.qa;

import java.time.Instant;
import java.util.List;

/** An agent's recognition points: the balance and every ledger entry, oldest first. */
record QaPointsView(String vendorId, String agentId, long balance, List<Entry> entries) {

  /**
   * @param reason AUDIT_PASSED, or DISPUTE_CORRECTION when an upheld dispute changed pass/fail
   */
  record Entry(String auditId, String cycleId, String reason, int points, Instant awardedAt) {}
}
