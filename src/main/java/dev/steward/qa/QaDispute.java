package dev.steward.qa;

import java.time.Instant;

/** A BPO lead's dispute of an audit, arbitrated by the vendor's relationship manager. */
record QaDispute(
    String id,
    String auditId,
    String cycleId,
    String vendorId,
    String reason,
    Status status,
    String filedBy,
    Instant filedAt,
    String decidedBy,
    Instant decidedAt,
    String decisionNote) {

  enum Status {
    OPEN,
    UPHELD,
    REJECTED
  }
}
