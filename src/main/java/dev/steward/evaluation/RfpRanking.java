package dev.steward.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The RFP matrix of kpis.md "Vendor evaluation", computed exactly:
 *
 * <ul>
 *   <li>a rated criterion's points = 100 × (mean rating − 1) / 4, the mean over the evaluators who
 *       rated it (an evaluator who skipped it is left out of that criterion's mean);
 *   <li>price points = 100 × lowest bid / this bid;
 *   <li>total = Σ w·points / 100.
 * </ul>
 *
 * <p>A criterion nobody rated for a candidate has no points; the candidate's total is then taken
 * over the criteria that have points, Σ w·points / Σ w (the balanced scorecard's rule for KPIs
 * without a value), which equals Σ w·points / 100 whenever every criterion has points. The
 * candidate lists the criterion under {@code unrated}, so whoever selects sees it. A candidate
 * without any weighted points has no total and ranks last.
 *
 * <p>Candidates rank by total (higher first), ties by lower price, then by vendor code.
 */
final class RfpRanking {

  private RfpRanking() {}

  /** A candidate with its bid (monthly price; {@code null} if none). */
  record Candidate(
      String vendorId, String vendorCode, String vendorName, BigDecimal monthlyPrice) {}

  /** One evaluator's rating of one candidate on one criterion; {@code rating == null}: skipped. */
  record Rating(String evaluator, String vendorId, String criterion, Integer rating) {}

  /**
   * One criterion of one candidate: its points ({@code null} if nobody rated it, or no bid for
   * price), and for rated criteria the mean rating and how many rated or skipped it.
   */
  record CriterionScore(
      String key, int weight, Ratio points, Ratio meanRating, int rated, int skipped) {}

  /** A candidate's place in the ranking. */
  record Ranked(
      int rank,
      Candidate candidate,
      Ratio total,
      Map<String, CriterionScore> criteria,
      List<String> unrated) {}

  private static final Ratio HUNDRED = Ratio.of(100, 1);

  static List<Ranked> rank(
      List<Criterion> criteria, List<Candidate> candidates, List<Rating> ratings) {
    Ratio lowestBid =
        candidates.stream()
            .map(Candidate::monthlyPrice)
            .filter(Objects::nonNull)
            .map(Ratio::of)
            .min(Comparator.naturalOrder())
            .orElse(null);
    List<Scored> scored = new ArrayList<>();
    for (Candidate candidate : candidates) {
      Map<String, CriterionScore> scores = new LinkedHashMap<>();
      List<String> unrated = new ArrayList<>();
      Ratio weighted = Ratio.ZERO;
      long weights = 0;
      for (Criterion criterion : criteria) {
        CriterionScore score =
            criterion.isPrice()
                ? priceScore(criterion, candidate, lowestBid)
                : ratedScore(criterion, candidate, ratings);
        scores.put(criterion.key(), score);
        if (score.points() == null) {
          unrated.add(criterion.key());
        } else {
          weighted = weighted.plus(score.points().times(criterion.weight()));
          weights += criterion.weight();
        }
      }
      Ratio total = weights == 0 ? null : weighted.dividedBy(weights);
      scored.add(new Scored(candidate, total, scores, List.copyOf(unrated)));
    }
    scored.sort(ORDER);
    List<Ranked> ranking = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      Scored s = scored.get(i);
      ranking.add(new Ranked(i + 1, s.candidate, s.total, s.criteria, s.unrated));
    }
    return ranking;
  }

  private record Scored(
      Candidate candidate,
      Ratio total,
      Map<String, CriterionScore> criteria,
      List<String> unrated) {}

  /** Higher total first (no total last), then lower price (no bid last), then vendor code. */
  private static final Comparator<Scored> ORDER =
      Comparator.comparing(
              (Scored s) -> s.total, Comparator.nullsLast(Comparator.<Ratio>reverseOrder()))
          .thenComparing(
              s -> s.candidate.monthlyPrice(), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(s -> s.candidate.vendorCode());

  private static CriterionScore priceScore(
      Criterion criterion, Candidate candidate, Ratio lowestBid) {
    Ratio points =
        candidate.monthlyPrice() == null || lowestBid == null
            ? null
            : HUNDRED.times(lowestBid).dividedBy(Ratio.of(candidate.monthlyPrice()));
    return new CriterionScore(criterion.key(), criterion.weight(), points, null, 0, 0);
  }

  private static CriterionScore ratedScore(
      Criterion criterion, Candidate candidate, List<Rating> ratings) {
    long sum = 0;
    int rated = 0;
    int skipped = 0;
    for (Rating r : ratings) {
      if (r.vendorId().equals(candidate.vendorId()) && r.criterion().equals(criterion.key())) {
        if (r.rating() == null) {
          skipped++;
        } else {
          sum += r.rating();
          rated++;
        }
      }
    }
    if (rated == 0) {
      return new CriterionScore(criterion.key(), criterion.weight(), null, null, 0, skipped);
    }
    Ratio mean = Ratio.of(sum, rated);
    // 100 × (mean − 1) / 4
    Ratio points = mean.minus(Ratio.of(1, 1)).times(100).dividedBy(4);
    return new CriterionScore(criterion.key(), criterion.weight(), points, mean, rated, skipped);
  }
}
