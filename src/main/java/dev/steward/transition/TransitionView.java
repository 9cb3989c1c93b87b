package dev.steward.transition;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A vendor transition as {@code GET /api/transitions/{id}} answers it: the proposal, the
 * executives' decisions, the parallel run with both vendors' balanced scores, and the cut-over.
 * Scores rounded half-up to 2 decimals.
 */
public record TransitionView(
    String id,
    String vendorId,
    String vendorCode,
    @Schema(nullable = true, description = "null while a new evaluation is to find the successor")
        String successorVendorId,
    @Schema(nullable = true) String successorVendorCode,
    boolean newEvaluation,
    String reason,
    @Schema(description = "API (proposed by an RM) or REVIEW (proposed by a quarterly review)")
        String source,
    @Schema(nullable = true) String reviewId,
    TransitionStatus status,
    String proposedBy,
    Instant proposedAt,
    int parallelRunDays,
    String processInstanceId,
    @Schema(description = "the executives' approvals, first then second") List<Approval> approvals,
    @Schema(nullable = true) Rejection rejection,
    @Schema(nullable = true, description = "once the parallel run started") ParallelRun parallelRun,
    @Schema(nullable = true, description = "once an executive approved the cut-over")
        CutOver cutOver) {

  /** One executive's approval. */
  public record Approval(int step, String approvedBy, Instant approvedAt) {}

  /** The executive's rejection: the vendor stays and goes back to an improvement plan. */
  public record Rejection(String rejectedBy, Instant rejectedAt, String reason) {}

  /**
   * Both vendors serve over the UTC days [start, endExclusive), scored with the outgoing vendor's
   * scorecard definition; scores are null until compared (or without data).
   */
  public record ParallelRun(
      LocalDate start,
      LocalDate endExclusive,
      @Schema(nullable = true) BigDecimal outgoingScore,
      @Schema(nullable = true) BigDecimal successorScore,
      @Schema(nullable = true, description = "the comparison shown to the executives")
          String comparison,
      @Schema(nullable = true) Instant comparedAt) {}

  /**
   * The cut-over: who approved it, when, and the outgoing vendor's BPO lead accounts whose access
   * is to be revoked (recorded at the cut-over; an administrator disables them).
   */
  public record CutOver(
      String approvedBy,
      Instant approvedAt,
      @Schema(nullable = true, description = "comma-separated user names, once cut over")
          String outgoingLeadAccounts) {}
}
