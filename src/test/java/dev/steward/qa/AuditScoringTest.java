package dev.steward.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kpis.md "QA audits" on hand-computed cases, against the default scorecard: greeting (w 10, 1–5),
 * tone (w 20, 1–5), correctness (w 30, 1–5, critical), cross-sell (w 10, 1–5), salutation (w 10,
 * 1–5), policy compliance (w 20, 0–1, critical); pass mark 80.
 */
class AuditScoringTest {

  static final QaScorecard DEFAULTS = QaScorecard.defaults();

  /** Ratings in the default order: greeting, tone, correctness, crossSell, salutation, policy. */
  static Map<String, Integer> ratings(
      Integer greeting,
      Integer tone,
      Integer correctness,
      Integer crossSell,
      Integer salutation,
      Integer policyCompliance) {
    Map<String, Integer> ratings = new HashMap<>();
    ratings.put("greeting", greeting);
    ratings.put("tone", tone);
    ratings.put("correctness", correctness);
    ratings.put("crossSell", crossSell);
    ratings.put("salutation", salutation);
    ratings.put("policyCompliance", policyCompliance);
    return ratings;
  }

  @Test
  void categoryScoreIsTheRatingsPlaceOnTheScale() {
    // 100 × (rating − min) / (max − min)
    QaCategory oneToFive = new QaCategory("tone", "Tone", 20, 1, 5, false);
    assertThat(oneToFive.score(1)).isEqualTo(0.0);
    assertThat(oneToFive.score(2)).isEqualTo(25.0); // 100 × 1/4
    assertThat(oneToFive.score(3)).isEqualTo(50.0); // 100 × 2/4
    assertThat(oneToFive.score(4)).isEqualTo(75.0); // 100 × 3/4
    assertThat(oneToFive.score(5)).isEqualTo(100.0);
    QaCategory passFail = new QaCategory("policy", "Policy", 20, 0, 1, true);
    assertThat(passFail.score(0)).isEqualTo(0.0);
    assertThat(passFail.score(1)).isEqualTo(100.0);
    QaCategory zeroToTen = new QaCategory("empathy", "Empathy", 5, 0, 10, false);
    assertThat(zeroToTen.score(7)).isCloseTo(70.0, within(1e-12)); // 100 × 7/10
    QaCategory threeToSix = new QaCategory("pace", "Pace", 5, 3, 6, false);
    assertThat(threeToSix.score(4)).isCloseTo(100.0 / 3, within(1e-12)); // 100 × 1/3
  }

  @Test
  void aRatingOutsideTheScaleIsRefused() {
    QaCategory oneToFive = new QaCategory("tone", "Tone", 20, 1, 5, false);
    assertThatThrownBy(() -> oneToFive.score(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside 1..5");
    assertThatThrownBy(() -> oneToFive.score(6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditScoring.score(DEFAULTS, ratings(5, 5, 5, 5, 5, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policyCompliance");
  }

  @Test
  void auditScoreIsTheWeightedMeanOfTheCategoryScores() {
    // greeting 4 → 75, tone 5 → 100, correctness 3 → 50, crossSell 2 → 25, salutation 5 → 100,
    // policy 1 → 100
    // (10·75 + 20·100 + 30·50 + 10·25 + 10·100 + 20·100) / 100
    //   = (750 + 2000 + 1500 + 250 + 1000 + 2000) / 100 = 7500 / 100 = 75
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, ratings(4, 5, 3, 2, 5, 1));

    assertThat(result.categoryScores())
        .containsExactly(
            Map.entry("greeting", 75.0),
            Map.entry("tone", 100.0),
            Map.entry("correctness", 50.0),
            Map.entry("crossSell", 25.0),
            Map.entry("salutation", 100.0),
            Map.entry("policyCompliance", 100.0));
    assertThat(result.score()).isCloseTo(75.0, within(1e-9));
    assertThat(result.autoFailed()).isFalse();
    assertThat(result.passed()).isFalse(); // 75 < 80
  }

  @Test
  void notApplicableCategoriesAreLeftOutAndTheOtherWeightsRescaled() {
    // crossSell and salutation N/A: weights 10 + 20 + 30 + 20 = 80
    // greeting 5 → 100, tone 4 → 75, correctness 5 → 100, policy 1 → 100
    // (10·100 + 20·75 + 30·100 + 20·100) / 80 = (1000 + 1500 + 3000 + 2000) / 80 = 7500 / 80
    //   = 93.75
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, ratings(5, 4, 5, null, null, 1));

    assertThat(result.categoryScores())
        .containsOnlyKeys("greeting", "tone", "correctness", "policyCompliance");
    assertThat(result.score()).isCloseTo(93.75, within(1e-9));
    assertThat(result.passed()).isTrue();
  }

  @Test
  void aMissingCategoryIsNotApplicableToo() {
    // only tone 3 → 50 is rated: 20·50 / 20 = 50
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, Map.of("tone", 3));
    assertThat(result.categoryScores()).containsExactly(Map.entry("tone", 50.0));
    assertThat(result.score()).isCloseTo(50.0, within(1e-9));
    assertThat(result.passed()).isFalse();
  }

  @Test
  void anAuditWithEveryCategoryNotApplicableHasNoScore() {
    AuditScoring.Result result =
        AuditScoring.score(DEFAULTS, ratings(null, null, null, null, null, null));

    assertThat(result.categoryScores()).isEmpty();
    assertThat(result.score()).isNull();
    assertThat(result.passed()).isNull();
    assertThat(result.autoFailed()).isFalse();
    assertThat(AuditScoring.score(DEFAULTS, Map.of()).score()).isNull();
  }

  @Test
  void aCriticalCategoryBelowFiftyZeroesTheAudit() {
    // correctness 2 → 25 < 50 (critical): the audit scores 0 although the weighted mean is
    // (10·100 + 20·100 + 30·25 + 10·100 + 10·100 + 20·100) / 100 = 77.5
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, ratings(5, 5, 2, 5, 5, 1));

    assertThat(result.categoryScores()).containsEntry("correctness", 25.0);
    assertThat(result.autoFailed()).isTrue();
    assertThat(result.score()).isEqualTo(0.0);
    assertThat(result.passed()).isFalse();
  }

  @Test
  void aFailedPassFailCriticalCategoryZeroesAPerfectAudit() {
    // policy compliance 0 → 0 < 50; everything else perfect
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, ratings(5, 5, 5, 5, 5, 0));

    assertThat(result.autoFailed()).isTrue();
    assertThat(result.score()).isEqualTo(0.0);
    assertThat(result.passed()).isFalse();
  }

  @Test
  void aCriticalCategoryAtExactlyFiftyDoesNotFailTheAudit() {
    // correctness 3 → 50: not below 50
    // (10·100 + 20·100 + 30·50 + 10·100 + 10·100 + 20·100) / 100 = 8500 / 100 = 85
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, ratings(5, 5, 3, 5, 5, 1));

    assertThat(result.autoFailed()).isFalse();
    assertThat(result.score()).isCloseTo(85.0, within(1e-9));
    assertThat(result.passed()).isTrue();
  }

  @Test
  void aNotApplicableCriticalCategoryDoesNotFailTheAudit() {
    // correctness N/A; (10·0 + 20·100 + 10·100 + 10·100 + 20·100) / 70 = 6000 / 70 = 85.714…
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, ratings(1, 5, null, 5, 5, 1));

    assertThat(result.autoFailed()).isFalse();
    assertThat(result.score()).isCloseTo(6000.0 / 70, within(1e-9));
    assertThat(result.passed()).isTrue();
  }

  @Test
  void aScoreEqualToThePassMarkPasses() {
    // greeting 1 → 0 and crossSell 1 → 0, the rest full marks:
    // (10·0 + 20·100 + 30·100 + 10·0 + 10·100 + 20·100) / 100 = 8000 / 100 = 80 = the pass mark
    AuditScoring.Result atPassMark = AuditScoring.score(DEFAULTS, ratings(1, 5, 5, 1, 5, 1));
    assertThat(atPassMark.score()).isEqualTo(80.0);
    assertThat(atPassMark.passed()).isTrue();

    // salutation 4 → 75 as well: (8000 − 10·25) / 100 = 77.5, just below
    AuditScoring.Result below = AuditScoring.score(DEFAULTS, ratings(1, 5, 5, 1, 4, 1));
    assertThat(below.score()).isCloseTo(77.5, within(1e-9));
    assertThat(below.passed()).isFalse();
  }

  @Test
  void thePassMarkComesFromTheScorecard() {
    // the first case's 75 passes a pass mark of 75 and fails one of 75.01
    Map<String, Integer> ratings = ratings(4, 5, 3, 2, 5, 1);
    assertThat(AuditScoring.score(withPassMark(75), ratings).passed()).isTrue();
    assertThat(AuditScoring.score(withPassMark(75.01), ratings).passed()).isFalse();
    assertThat(AuditScoring.score(withPassMark(0), ratings(1, 1, 3, 1, 1, 1)).passed()).isTrue();
  }

  @Test
  void anUnknownCategoryIsRefused() {
    assertThatThrownBy(() -> AuditScoring.score(DEFAULTS, Map.of("empathy", 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'empathy' is not a category");
  }

  static QaScorecard withPassMark(double passMark) {
    return new QaScorecard(List.copyOf(DEFAULTS.categories()), passMark);
  }
}
