package dev.steward.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One candidate's place in a round's ranking. Stored at full precision (34 significant digits) when
 * the round is ranked; API answers round half-up to 2 decimals.
 */
public record RankingEntry(
    int rank,
    String vendorId,
    String vendorCode,
    String vendorName,
    BigDecimal monthlyPrice,
    @Schema(
            nullable = true,
            description =
                "Σ w·points / 100; over the criteria with points when a criterion has none (see unrated)")
        BigDecimal total,
    @Schema(description = "per criterion key, in the round's order")
        Map<String, CriterionPoints> criteria,
    @Schema(description = "criteria nobody rated for this candidate: left out of its total")
        List<String> unrated) {

  /**
   * One criterion of one candidate: its weight, its points ({@code null} if nobody rated it), the
   * mean rating and how many evaluators rated or skipped it (both 0 for price).
   */
  public record CriterionPoints(
      int weight,
      @Schema(nullable = true) BigDecimal points,
      @Schema(nullable = true) BigDecimal meanRating,
      int rated,
      int skipped) {}

  static RankingEntry of(RfpRanking.Ranked ranked) {
    Map<String, CriterionPoints> criteria = new LinkedHashMap<>();
    ranked
        .criteria()
        .forEach(
            (key, score) ->
                criteria.put(
                    key,
                    new CriterionPoints(
                        score.weight(),
                        exact(score.points()),
                        exact(score.meanRating()),
                        score.rated(),
                        score.skipped())));
    RfpRanking.Candidate candidate = ranked.candidate();
    return new RankingEntry(
        ranked.rank(),
        candidate.vendorId(),
        candidate.vendorCode(),
        candidate.vendorName(),
        candidate.monthlyPrice(),
        exact(ranked.total()),
        criteria,
        ranked.unrated());
  }

  /** The same entry with every number rounded half-up to 2 decimals, as API answers show it. */
  RankingEntry rounded() {
    Map<String, CriterionPoints> criteria = new LinkedHashMap<>();
    this.criteria.forEach(
        (key, p) ->
            criteria.put(
                key,
                new CriterionPoints(
                    p.weight(), round(p.points()), round(p.meanRating()), p.rated(), p.skipped())));
    return new RankingEntry(
        rank,
        vendorId,
        vendorCode,
        vendorName,
        round(monthlyPrice),
        round(total),
        criteria,
        unrated);
  }

  static BigDecimal round(BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal exact(Ratio ratio) {
    return ratio == null ? null : ratio.toBigDecimal();
  }
}
