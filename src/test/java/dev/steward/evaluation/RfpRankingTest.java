package dev.steward.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.evaluation.RfpRanking.Candidate;
import dev.steward.evaluation.RfpRanking.Ranked;
import dev.steward.evaluation.RfpRanking.Rating;
import dev.steward.platform.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kpis.md "Vendor evaluation" against matrices computed by hand: criterion points = 100 × (mean
 * rating − 1) / 4 over the evaluators who rated it, price points = 100 × lowest bid / this bid,
 * total = Σ w·points / 100, ties by lower price.
 */
class RfpRankingTest {

  static final List<Criterion> MATRIX =
      List.of(
          new Criterion("quality", "Service quality", 40),
          new Criterion("language", "Language proficiency", 30),
          new Criterion(Criterion.PRICE, "Price", 30));

  static final Candidate ALPHA = candidate("v-a", "ALPHA", "10000.00");
  static final Candidate BRAVO = candidate("v-b", "BRAVO", "8000.00");
  static final Candidate CHARLIE = candidate("v-c", "CHARLIE", "12500.00");

  /**
   * By hand (lowest bid 8,000):
   *
   * <pre>
   *            quality (40)           language (30)               price (30)            total
   * ALPHA      5,4 → 4.5 → 87.5       3,4 → 3.5 → 62.5           100·8000/10000 = 80   (3500+1875+2400)/100 = 77.75
   * BRAVO      4,4 → 4   → 75         3,skipped → 3 → 50         100                   (3000+1500+3000)/100 = 75
   * CHARLIE    5,5 → 5   → 100        5,5 → 5 → 100              100·8000/12500 = 64   (4000+3000+1920)/100 = 89.2
   * </pre>
   */
  @Test
  void ranksAHandComputedMatrix() {
    List<Rating> ratings = new ArrayList<>();
    rate(ratings, "erin", ALPHA, "quality", 5, "language", 3);
    rate(ratings, "omar", ALPHA, "quality", 4, "language", 4);
    rate(ratings, "erin", BRAVO, "quality", 4, "language", 3);
    rate(ratings, "omar", BRAVO, "quality", 4, "language", null);
    rate(ratings, "erin", CHARLIE, "quality", 5, "language", 5);
    rate(ratings, "omar", CHARLIE, "quality", 5, "language", 5);

    List<Ranked> ranking = RfpRanking.rank(MATRIX, List.of(ALPHA, BRAVO, CHARLIE), ratings);

    assertThat(ranking)
        .extracting(r -> r.candidate().vendorCode())
        .containsExactly("CHARLIE", "ALPHA", "BRAVO");
    assertThat(ranking).extracting(Ranked::rank).containsExactly(1, 2, 3);
    assertThat(ranking.get(0).total()).isEqualTo(Ratio.of(8920, 100));
    assertThat(ranking.get(1).total()).isEqualTo(Ratio.of(7775, 100));
    assertThat(ranking.get(2).total()).isEqualTo(Ratio.of(75, 1));

    Ranked alpha = ranking.get(1);
    assertThat(alpha.criteria().get("quality").meanRating()).isEqualTo(Ratio.of(9, 2));
    assertThat(alpha.criteria().get("quality").points()).isEqualTo(Ratio.of(175, 2));
    assertThat(alpha.criteria().get("language").points()).isEqualTo(Ratio.of(125, 2));
    assertThat(alpha.criteria().get(Criterion.PRICE).points()).isEqualTo(Ratio.of(80, 1));
    assertThat(ranking.get(0).criteria().get(Criterion.PRICE).points()).isEqualTo(Ratio.of(64, 1));
    assertThat(alpha.unrated()).isEmpty();
  }

  @Test
  void anEvaluatorWhoSkipsACriterionIsLeftOutOfThatCriterionsMeanOnly() {
    List<Rating> ratings = new ArrayList<>();
    rate(ratings, "erin", BRAVO, "quality", 4, "language", 3);
    rate(ratings, "omar", BRAVO, "quality", 2, "language", null);

    Ranked bravo = RfpRanking.rank(MATRIX, List.of(BRAVO), ratings).get(0);

    // language: only erin's 3 counts (not (3 + 0) / 2, not (3 + 1) / 2): 100 × (3 − 1) / 4 = 50
    assertThat(bravo.criteria().get("language").meanRating()).isEqualTo(Ratio.of(3, 1));
    assertThat(bravo.criteria().get("language").points()).isEqualTo(Ratio.of(50, 1));
    assertThat(bravo.criteria().get("language").rated()).isEqualTo(1);
    assertThat(bravo.criteria().get("language").skipped()).isEqualTo(1);
    // quality: omar's rating still counts there: mean 3 → 50
    assertThat(bravo.criteria().get("quality").points()).isEqualTo(Ratio.of(50, 1));
    // the only bid is the lowest: 100 price points; (40·50 + 30·50 + 30·100) / 100 = 65
    assertThat(bravo.total()).isEqualTo(Ratio.of(65, 1));
  }

  /**
   * Nobody rated language for DELTA: it has no points there, and its total is taken over the
   * criteria with points: (40·75 + 30·100) / 70 = 6000 / 70 = 85.714…; flagged as unrated.
   */
  @Test
  void aCriterionNobodyRatedHasNoPointsAndTheTotalIsOverTheRatedWeights() {
    Candidate delta = candidate("v-d", "DELTA", "9000");
    List<Rating> ratings = new ArrayList<>();
    rate(ratings, "erin", delta, "quality", 4, "language", null);
    rate(ratings, "omar", delta, "quality", 4, "language", null);

    Ranked ranked = RfpRanking.rank(MATRIX, List.of(delta), ratings).get(0);

    assertThat(ranked.criteria().get("language").points()).isNull();
    assertThat(ranked.criteria().get("language").meanRating()).isNull();
    assertThat(ranked.criteria().get("language").skipped()).isEqualTo(2);
    assertThat(ranked.unrated()).containsExactly("language");
    assertThat(ranked.total()).isEqualTo(Ratio.of(6000, 70));
    assertThat(ranked.total().toBigDecimal().setScale(2, RoundingMode.HALF_UP))
        .isEqualByComparingTo("85.71");
  }

  @Test
  void aCandidateWithoutAnyPointsHasNoTotalAndRanksLast() {
    List<Criterion> ratedOnly =
        List.of(new Criterion("quality", "Quality", 60), new Criterion("language", "Lang", 40));
    Candidate echo = candidate("v-e", "ECHO", null);
    List<Rating> ratings = new ArrayList<>();
    rate(ratings, "erin", ALPHA, "quality", 1, "language", 1);
    rate(ratings, "erin", echo, "quality", null, "language", null);

    List<Ranked> ranking = RfpRanking.rank(ratedOnly, List.of(echo, ALPHA), ratings);

    assertThat(ranking)
        .extracting(r -> r.candidate().vendorCode())
        .containsExactly("ALPHA", "ECHO");
    assertThat(ranking.get(0).total()).isEqualTo(Ratio.ZERO);
    assertThat(ranking.get(1).total()).isNull();
    assertThat(ranking.get(1).unrated()).containsExactly("quality", "language");
  }

  /**
   * Equal totals with repeating decimals: XRAY (5,5,5 → 100 points; bid 300 → 100·100/300 = 33.33…
   * price points) and YANKEE (2,2,3 → mean 7/3 → 33.33… points; bid 100 → 100), with quality and
   * price at 50 each, both total 66.66…; YANKEE's lower bid ranks it first.
   */
  @Test
  void equalTotalsAreBrokenByTheLowerPriceExactly() {
    List<Criterion> matrix =
        List.of(
            new Criterion("quality", "Quality", 50), new Criterion(Criterion.PRICE, "Price", 50));
    Candidate xray = candidate("v-x", "XRAY", "300");
    Candidate yankee = candidate("v-y", "YANKEE", "100");
    List<Rating> ratings = new ArrayList<>();
    for (String evaluator : List.of("erin", "omar", "quinn")) {
      ratings.add(new Rating(evaluator, xray.vendorId(), "quality", 5));
    }
    ratings.add(new Rating("erin", yankee.vendorId(), "quality", 2));
    ratings.add(new Rating("omar", yankee.vendorId(), "quality", 2));
    ratings.add(new Rating("quinn", yankee.vendorId(), "quality", 3));

    List<Ranked> ranking = RfpRanking.rank(matrix, List.of(xray, yankee), ratings);

    assertThat(ranking.get(0).total()).isEqualTo(ranking.get(1).total());
    assertThat(ranking.get(0).total()).isEqualTo(Ratio.of(200, 3));
    assertThat(ranking)
        .extracting(r -> r.candidate().vendorCode())
        .containsExactly("YANKEE", "XRAY");
  }

  @Test
  void equalTotalsAndEqualBidsFallBackToTheVendorCode() {
    List<Criterion> matrix = List.of(new Criterion("quality", "Quality", 100));
    Candidate zulu = candidate("v-z", "ZULU", "100");
    Candidate kilo = candidate("v-k", "KILO", "100");
    List<Rating> ratings =
        List.of(
            new Rating("erin", zulu.vendorId(), "quality", 3),
            new Rating("erin", kilo.vendorId(), "quality", 3));

    assertThat(RfpRanking.rank(matrix, List.of(zulu, kilo), ratings))
        .extracting(r -> r.candidate().vendorCode())
        .containsExactly("KILO", "ZULU");
  }

  @Test
  void pricePointsAreTheLowestBidOverThisBid() {
    List<Criterion> priceOnlyWeighted =
        List.of(
            new Criterion("quality", "Quality", 0), new Criterion(Criterion.PRICE, "Price", 100));
    Candidate cheap = candidate("v-1", "CHEAP", "7500.50");
    Candidate dear = candidate("v-2", "DEAR", "15001.00");

    List<Ranked> ranking = RfpRanking.rank(priceOnlyWeighted, List.of(dear, cheap), List.of());

    assertThat(ranking.get(0).candidate().vendorCode()).isEqualTo("CHEAP");
    assertThat(ranking.get(0).total()).isEqualTo(Ratio.of(100, 1));
    // 100 × 7500.50 / 15001 = 50
    assertThat(ranking.get(1).criteria().get(Criterion.PRICE).points()).isEqualTo(Ratio.of(50, 1));
    assertThat(ranking.get(1).total()).isEqualTo(Ratio.of(50, 1));
  }

  // --- criteria validation

  @Test
  void theDefaultCriteriaAreProductMdsEightWithWeightsAddingUpTo100() {
    List<Criterion> defaults = EvaluationCriteria.defaults();
    assertThat(defaults)
        .extracting(Criterion::key)
        .containsExactly(
            "industryExperience",
            "technology",
            "serviceCapabilities",
            "languageProficiency",
            "cultureFit",
            "security",
            "price",
            "references");
    assertThat(defaults.stream().mapToInt(Criterion::weight).sum()).isEqualTo(100);
    assertThat(EvaluationCriteria.problems(defaults)).isEmpty();
  }

  @Test
  void weightsMustAddUpTo100() {
    List<FieldError> errors =
        EvaluationCriteria.problems(
            List.of(new Criterion("quality", "Quality", 60), new Criterion("price", "Price", 30)));
    assertThat(errors)
        .containsExactly(
            FieldError.field("criteria", "the weights must add up to 100, they add up to 90"));
  }

  @Test
  void everyBadCriterionIsNamed() {
    List<FieldError> errors =
        EvaluationCriteria.problems(
            List.of(
                new Criterion("Quality", "Quality", 50),
                new Criterion("price", " ", 101),
                new Criterion("price", "Price again", -1),
                new Criterion("tone", "Tone", null)));
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly(
            "criteria[0].key",
            "criteria[1].name",
            "criteria[1].weight",
            "criteria[2].key",
            "criteria[2].weight",
            "criteria[3].weight");
  }

  @Test
  void aMatrixNeedsACriterionTheEvaluatorsRate() {
    assertThat(EvaluationCriteria.problems(List.of()))
        .extracting(FieldError::field)
        .containsExactly("criteria");
    assertThat(EvaluationCriteria.problems(List.of(new Criterion("price", "Price", 100))))
        .extracting(FieldError::message)
        .containsExactly("needs at least one criterion the evaluators rate");
  }

  // --- helpers

  static Candidate candidate(String id, String code, String price) {
    return new Candidate(id, code, "Vendor " + code, price == null ? null : new BigDecimal(price));
  }

  static void rate(
      List<Rating> ratings,
      String evaluator,
      Candidate candidate,
      String criterion1,
      Integer rating1,
      String criterion2,
      Integer rating2) {
    ratings.add(new Rating(evaluator, candidate.vendorId(), criterion1, rating1));
    ratings.add(new Rating(evaluator, candidate.vendorId(), criterion2, rating2));
  }
}
