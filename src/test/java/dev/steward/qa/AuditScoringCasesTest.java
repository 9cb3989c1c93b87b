package dev.steward.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Audits scored by hand as kpis.md "QA audits" says, on the default scorecard (greeting w10 1-5,
 * tone w20 1-5, correctness w30 1-5 critical, cross-sell w10 1-5, salutation w10 1-5, policy
 * compliance w20 0-1 critical; pass mark 80) and on a custom one.
 */
class AuditScoringCasesTest {

  static final QaScorecard DEFAULTS = QaScorecard.defaults();

  @Test
  void weightsDecideTheScoreAndEightyExactlyPasses() {
    // category scores 100, 75, 75, 25, 100, 100
    // (10·100 + 20·75 + 30·75 + 10·25 + 10·100 + 20·100) / 100 = 8000 / 100 = 80
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, ratings(5, 4, 4, 2, 5, 1));

    assertThat(result.categoryScores())
        .containsExactlyEntriesOf(
            ordered(
                "greeting", 100.0,
                "tone", 75.0,
                "correctness", 75.0,
                "crossSell", 25.0,
                "salutation", 100.0,
                "policyCompliance", 100.0));
    assertThat(result.score()).isEqualTo(80.0);
    assertThat(result.autoFailed()).isFalse();
    assertThat(result.passed()).isTrue();
  }

  @Test
  void justBelowThePassMarkFails() {
    // greeting 4 instead of 5: (10·75 + 1500 + 2250 + 250 + 1000 + 2000) / 100 = 77.5
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, ratings(4, 4, 4, 2, 5, 1));

    assertThat(result.score()).isEqualTo(77.5);
    assertThat(result.passed()).isFalse();
  }

  @Test
  void notApplicableCategoriesLeaveBothSumsSoTheOtherWeightsAreRescaled() {
    // cross-sell and salutation N/A: (10·50 + 20·100 + 30·75 + 20·100) / (10 + 20 + 30 + 20) = 6750
    // / 80
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, ratings(3, 5, 4, null, null, 1));

    assertThat(result.score()).isCloseTo(84.375, within(1e-12));
    assertThat(result.categoryScores()).doesNotContainKeys("crossSell", "salutation").hasSize(4);
    assertThat(result.passed()).isTrue();
  }

  @Test
  void anAuditWithEveryCategoryNotApplicableHasNoScore() {
    AuditScoring.Result result =
        AuditScoring.score(DEFAULTS, ratings(null, null, null, null, null, null));

    assertThat(result.score()).isNull();
    assertThat(result.passed()).isNull();
    assertThat(result.autoFailed()).isFalse();
    assertThat(result.categoryScores()).isEmpty();
  }

  @Test
  void aCriticalCategoryBelowFiftySetsTheScoreToZero() {
    // correctness 2 → 25 < 50: without the rule the score would be
    // (1000+2000+750+1000+1000+2000)/100
    // = 77.5
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, ratings(5, 5, 2, 5, 5, 1));

    assertThat(result.categoryScores()).containsEntry("correctness", 25.0);
    assertThat(result.score()).isZero();
    assertThat(result.autoFailed()).isTrue();
    assertThat(result.passed()).isFalse();
  }

  @Test
  void aFailedPassFailCriticalCategoryZeroesAnOtherwisePerfectAudit() {
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, ratings(5, 5, 5, 5, 5, 0));

    assertThat(result.categoryScores()).containsEntry("policyCompliance", 0.0);
    assertThat(result.score()).isZero();
    assertThat(result.autoFailed()).isTrue();
  }

  @Test
  void aCriticalCategoryAtExactlyFiftyDoesNotAutoFail() {
    // correctness 3 → 50: (1000 + 2000 + 30·50 + 1000 + 1000 + 2000) / 100 = 85
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, ratings(5, 5, 3, 5, 5, 1));

    assertThat(result.score()).isEqualTo(85.0);
    assertThat(result.autoFailed()).isFalse();
    assertThat(result.passed()).isTrue();
  }

  @Test
  void aCriticalCategoryMarkedNotApplicableCannotAutoFail() {
    AuditScoring.Result result = AuditScoring.score(DEFAULTS, ratings(1, 5, null, 5, 5, null));

    // (10·0 + 20·100 + 10·100 + 10·100) / 50 = 80
    assertThat(result.score()).isEqualTo(80.0);
    assertThat(result.autoFailed()).isFalse();
  }

  @Test
  void customWeightsScalesAndPassMark() {
    QaScorecard custom =
        new QaScorecard(
            List.of(
                new QaCategory("empathy", "Empathy", 1, 0, 10, false),
                new QaCategory("accuracy", "Accuracy", 3, 1, 4, true)),
            65);
    // empathy 7 → 70; accuracy 3 → 100·2/3 = 66.67; (1·70 + 3·66.67) / 4 = 270 / 4 = 67.5
    AuditScoring.Result result = AuditScoring.score(custom, Map.of("empathy", 7, "accuracy", 3));

    assertThat(result.categoryScores().get("accuracy")).isCloseTo(200.0 / 3, within(1e-12));
    assertThat(result.score()).isCloseTo(67.5, within(1e-12));
    assertThat(result.passed()).isTrue();

    // accuracy 2 → 33.33 < 50 on a critical category
    assertThat(AuditScoring.score(custom, Map.of("empathy", 10, "accuracy", 2)).score()).isZero();
  }

  @Test
  void unknownCategoriesAndRatingsOffTheScaleAreRefused() {
    assertThatThrownBy(() -> AuditScoring.score(DEFAULTS, Map.of("humour", 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("humour");
    assertThatThrownBy(() -> AuditScoring.score(DEFAULTS, Map.of("tone", 6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..5");
  }

  /** Ratings of the default categories in order; {@code null} is N/A. */
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

  private static Map<String, Double> ordered(Object... pairs) {
    Map<String, Double> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Double) pairs[i + 1]);
    }
    return map;
  }
}
