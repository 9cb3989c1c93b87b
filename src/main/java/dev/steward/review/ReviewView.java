package dev.steward.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/** A quarterly business review (or follow-up, or improvement plan) as the API shows it. */
public record ReviewView(
    String id,
    String vendorId,
    @Schema(allowableValues = {"QUARTERLY", "FOLLOW_UP", "IMPROVEMENT_PLAN"}) String kind,
    @Schema(example = "2026-Q3") String period,
    LocalDate periodStart,
    @Schema(description = "exclusive") LocalDate periodEnd,
    @Schema(allowableValues = {"PREPARING", "AWAITING_QBR", "HELD"}) String status,
    @Schema(nullable = true) BigDecimal total,
    @Schema(nullable = true) BigDecimal previousTotal,
    @Schema(
            nullable = true,
            allowableValues = {"RECOGNIZE", "CONTINUE", "IMPROVEMENT_PLAN", "PROPOSE_TRANSITION"})
        String outcome,
    @Schema(nullable = true, description = "the facts the RM saw (ReviewFacts)") JsonNode facts,
    @Schema(nullable = true) String notes,
    @Schema(nullable = true) String heldBy,
    @Schema(nullable = true) Instant heldAt,
    @Schema(nullable = true) String improvementPlan,
    @Schema(nullable = true) String improvementTargets,
    @Schema(nullable = true) Instant followUpDueAt,
    @Schema(nullable = true) String followsReviewId,
    @Schema(nullable = true) String followUpReviewId,
    @Schema(nullable = true) String reason,
    String requestedBy,
    Instant requestedAt,
    @Schema(nullable = true) String processInstanceId) {

  static ReviewView of(ReviewStore.Review r, JsonNode facts) {
    return new ReviewView(
        r.id(),
        r.vendorId(),
        r.kind().name(),
        r.periodLabel(),
        r.periodStart(),
        r.periodEnd(),
        r.status().name(),
        round(r.total()),
        round(r.previousTotal()),
        r.outcome(),
        facts,
        r.notes(),
        r.heldBy(),
        r.heldAt(),
        r.improvementPlan(),
        r.improvementTargets(),
        r.followUpDueAt(),
        r.followsReviewId(),
        r.followUpReviewId(),
        r.reason(),
        r.requestedBy(),
        r.requestedAt(),
        r.processInstanceId());
  }

  private static BigDecimal round(Double value) {
    return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}
