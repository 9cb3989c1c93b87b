package dev.steward.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An evaluation round as {@code GET /api/evaluations/{id}} answers it. */
public record EvaluationView(
    String id,
    String name,
    RoundStatus status,
    @Schema(nullable = true) Instant dueAt,
    Instant createdAt,
    String createdBy,
    String processInstanceId,
    @Schema(nullable = true) Instant bidsClosedAt,
    List<Criterion> criteria,
    List<Candidate> candidates,
    @Schema(
            description =
                "each evaluator's status; their ratings only once the round is ranked (your own once you submitted)")
        List<Evaluator> evaluators,
    @Schema(nullable = true, description = "the ranking, once computed") List<RankingEntry> ranking,
    @Schema(nullable = true, description = "the executive's selection, once made")
        Selection selection) {

  /** A candidate vendor and its bid. */
  public record Candidate(
      String vendorId,
      String vendorCode,
      String vendorName,
      @Schema(nullable = true, description = "the bid: monthly price") BigDecimal monthlyPrice,
      @Schema(nullable = true) Instant bidAt,
      @Schema(nullable = true) String bidBy,
      @Schema(nullable = true, description = "selected for a pilot; null until decided")
          Boolean selected) {}

  /** An evaluator: PENDING or SUBMITTED, and the ratings where the caller may see them. */
  public record Evaluator(
      String username,
      String status,
      @Schema(nullable = true) Instant submittedAt,
      @Schema(nullable = true, description = "null while hidden from the caller")
          List<Score> scores) {}

  /** One rating; {@code rating} null and {@code skipped} true for a skipped criterion. */
  public record Score(
      String vendorId, String vendorCode, String criterion, Integer rating, boolean skipped) {}

  /** Who selected whom for a pilot, when, why, and the ranking they saw. */
  public record Selection(
      String selectedBy,
      Instant selectedAt,
      String reason,
      List<String> selectedVendorIds,
      List<RankingEntry> rankingShown) {}
}
