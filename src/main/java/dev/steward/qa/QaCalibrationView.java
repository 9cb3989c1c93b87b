package dev.steward.qa;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * A calibration session as the API answers it. The report, with every analyst's individual scores,
 * appears only once the session is complete: until then nobody sees anybody's ratings.
 */
public record QaCalibrationView(
    String id,
    String vendorId,
    String status,
    String requestedBy,
    Instant requestedAt,
    Instant completedAt,
    String processInstanceId,
    BigDecimal passMark,
    List<QaScorecardView.Category> categories,
    List<String> interactionIds,
    List<AnalystProgress> analysts,
    int submittedAudits,
    int totalAudits,
    Report report) {

  /** How far an analyst is; nothing about their ratings. */
  public record AnalystProgress(String analyst, int submittedAudits, int totalAudits) {}

  public record Report(
      List<CategorySpread> categories,
      List<AnalystAlignment> analysts,
      List<InteractionMedian> interactions,
      List<AuditResult> audits) {}

  /**
   * @param standardDeviation pooled population standard deviation of the analysts' category scores
   *     (0..100 points); {@code null} if nobody rated the category
   * @param ratings how many category scores it is computed from (N/A left out)
   */
  public record CategorySpread(
      String category, String name, BigDecimal standardDeviation, int ratings) {}

  /**
   * @param alignment 100 − mean |audit score − the interaction's median|
   */
  public record AnalystAlignment(String analyst, BigDecimal alignment, int comparedInteractions) {}

  public record InteractionMedian(String interactionId, BigDecimal medianScore, int scoredAudits) {}

  public record AuditResult(
      String analyst,
      String interactionId,
      BigDecimal score,
      Boolean passed,
      Boolean autoFailed,
      String comment,
      List<CategoryRating> ratings) {}

  /**
   * @param rating {@code null} when N/A
   */
  public record CategoryRating(
      String category, Integer rating, boolean notApplicable, BigDecimal categoryScore) {}

  /** One session in a list: its state, without the report. */
  public record Summary(
      String id,
      String vendorId,
      String status,
      String requestedBy,
      Instant requestedAt,
      Instant completedAt,
      List<String> interactionIds,
      List<String> analysts,
      int submittedAudits,
      int totalAudits) {}

  /** kpis.md: numbers in API answers are rounded half-up to 2 decimals. */
  static BigDecimal answer(Double value) {
    return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}
