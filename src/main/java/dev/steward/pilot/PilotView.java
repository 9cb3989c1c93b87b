package dev.steward.pilot;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A pilot as {@code GET /api/pilots/{id}} answers it: its plan, scorecard(s) and go/no-go. A BPO
 * lead sees their own vendor's pilot without the incumbent (who it is, its numbers, the comparison
 * the executive saw). Numbers are rounded half-up to 2 decimals.
 */
public record PilotView(
    String id,
    String vendorId,
    String vendorCode,
    PilotStatus status,
    Instant createdAt,
    String processInstanceId,
    @Schema(nullable = true, description = "null until the RM's plan is stored") Plan plan,
    @Schema(nullable = true, description = "the piloted vendor's scorecard, once computed")
        Scorecard scorecard,
    @Schema(
            nullable = true,
            description =
                "challenger pilot: the incumbent over the same days with the same definition")
        Scorecard incumbentScorecard,
    @Schema(nullable = true) Decision decision) {

  /** The RM's plan; the window is the UTC days [startDate, endDate). */
  public record Plan(
      String scope,
      int liveVolumeSharePercent,
      LocalDate startDate,
      int durationDays,
      @Schema(description = "the day after the last pilot day (exclusive)") LocalDate endDate,
      boolean challenger,
      @Schema(nullable = true) String incumbentVendorId,
      @Schema(nullable = true) String incumbentVendorCode,
      String plannedBy,
      Instant plannedAt) {}

  /** A balanced scorecard over the pilot window (kpis.md "Balanced scorecard"). */
  public record Scorecard(
      String vendorId,
      String vendorCode,
      LocalDate from,
      LocalDate toExclusive,
      long interactions,
      Map<String, KpiLine> kpis,
      @Schema(nullable = true) BigDecimal total) {}

  /** One KPI of a pilot scorecard; value and score are null without data. */
  public record KpiLine(
      @Schema(nullable = true) BigDecimal value,
      BigDecimal target,
      BigDecimal zero,
      int weight,
      @Schema(nullable = true) BigDecimal score) {}

  /** The executive's go/no-go with their reason and what they saw. */
  public record Decision(
      String decision,
      String reason,
      String decidedBy,
      Instant decidedAt,
      @Schema(nullable = true, description = "the comparison shown to the executive")
          String comparisonShown) {}
}
