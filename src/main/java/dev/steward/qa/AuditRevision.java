package dev.steward.qa;

import java.time.Instant;
import java.util.List;

/**
 * One revision of an audit: the analyst's ({@code AUDIT}) or an upheld dispute's ({@code
 * DISPUTE_UPHELD}). Revisions are never overwritten, so an audit's history stays readable.
 */
record AuditRevision(
    String auditId,
    int revision,
    String reason,
    String disputeId,
    Double score,
    Boolean passed,
    boolean autoFailed,
    String feedback,
    String recordedBy,
    Instant recordedAt,
    List<Rating> ratings) {

  static final String AUDIT = "AUDIT";
  static final String DISPUTE_UPHELD = "DISPUTE_UPHELD";

  /** A category's rating ({@code null} = N/A) and its category score. */
  record Rating(String category, Integer rating, Double categoryScore) {}
}
