package dev.steward.qa;

import java.time.Instant;

/** A dispute of an audit as the API shows it. */
record QaDisputeView(
    String id,
    String auditId,
    String cycleId,
    String vendorId,
    String reason,
    String status,
    String filedBy,
    Instant filedAt,
    String decidedBy,
    Instant decidedAt,
    String decisionNote) {

  static QaDisputeView of(QaDispute d) {
    return new QaDisputeView(
        d.id(),
        d.auditId(),
        d.cycleId(),
        d.vendorId(),
        d.reason(),
        d.status().name(),
        d.filedBy(),
        d.filedAt(),
        d.decidedBy(),
        d.decidedAt(),
        d.decisionNote());
  }
}
