package dev.steward.qa;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One audit with its current ratings and category scores, every earlier revision (an upheld dispute
 * adds one; none is overwritten) and its disputes ({@code GET /api/qa/audits/{id}}).
 */
record QaAuditDetail(
    @JsonUnwrapped QaAuditView audit,
    List<Rating> ratings,
    List<Revision> history,
    List<QaDisputeView> disputes) {

  /** A category's rating ({@code null} and notApplicable when N/A) and its category score. */
  record Rating(
      String category,
      String name,
      Integer rating,
      boolean notApplicable,
      BigDecimal categoryScore) {}

  /**
   * One revision: {@code AUDIT} (the analyst's) or {@code DISPUTE_UPHELD}.
   *
   * @param comment the analyst's feedback as it was in this revision
   */
  record Revision(
      int revision,
      String reason,
      String disputeId,
      BigDecimal score,
      Boolean passed,
      boolean autoFailed,
      String comment,
      String recordedBy,
      Instant recordedAt,
      List<Rating> ratings) {}
}
