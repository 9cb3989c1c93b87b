package dev.steward.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases of kpis.md. The five rows used most below:
 *
 * <pre>
 * # handled fcr handle wait csat nps ces
 * 1 yes     yes 300    10   5    10  7
 * 2 yes     no  600    30   3    6   4
 * 3 abandoned   0      50   -    -   -
 * 4 yes     yes 420    -    4    8   -
 * 5 yes     yes 180    20   -    9   6
 * </pre>
 *
 * handled 4, resolved 3, seconds 1500; csat 2 of 3 satisfied; nps 4 answers, 2 promoters, 1
 * detractor; ces 17 / 3; queued 4 (rows 1, 2, 3, 5), 1 abandoned, 2 answered within 20 s.
 */
class BalancedScoreTest {

  static final KpiTotals FIVE_ROWS = new KpiTotals(5, 4, 3, 1500, 3, 2, 4, 2, 1, 3, 17, 4, 1, 2);

  @Test
  void kpiValuesFromTheFiveRows() {
    Map<KpiKey, BigDecimal> v = FIVE_ROWS.values();
    assertThat(round(v.get(KpiKey.CSAT))).isEqualByComparingTo("66.67"); // 200 / 3
    assertThat(round(v.get(KpiKey.NPS))).isEqualByComparingTo("25.00"); // 100 × (2 − 1) / 4
    assertThat(round(v.get(KpiKey.CES))).isEqualByComparingTo("5.67"); // 17 / 3
    assertThat(round(v.get(KpiKey.FCR))).isEqualByComparingTo("75.00");
    assertThat(round(v.get(KpiKey.AHT))).isEqualByComparingTo("375.00");
    assertThat(round(v.get(KpiKey.SERVICE_LEVEL))).isEqualByComparingTo("50.00");
    assertThat(round(v.get(KpiKey.ABANDON_RATE))).isEqualByComparingTo("25.00");
  }

  @Test
  void defaultScorecardOfTheFiveRows() {
    BalancedScore score = BalancedScore.of(FIVE_ROWS, ScorecardDefinition.defaults());
    // csat 100 × 66.67 / 85 = 78.43; nps 100 × 125 / 140 = 89.29; ces 100 × 4.67 / 4.5 = 103.7 →
    // 100;
    // fcr 100; aht 100 × (720 − 375) / 360 = 95.83; service level 62.5 (weight 0); abandon 100 × −5
    // / 15 → 0
    assertThat(round(score.lines().get(KpiKey.CSAT).score())).isEqualByComparingTo("78.43");
    assertThat(round(score.lines().get(KpiKey.NPS).score())).isEqualByComparingTo("89.29");
    assertThat(score.lines().get(KpiKey.CES).score()).isEqualByComparingTo("100");
    assertThat(score.lines().get(KpiKey.FCR).score()).isEqualByComparingTo("100");
    assertThat(round(score.lines().get(KpiKey.AHT).score())).isEqualByComparingTo("95.83");
    assertThat(round(score.lines().get(KpiKey.SERVICE_LEVEL).score()))
        .isEqualByComparingTo("62.50");
    assertThat(score.lines().get(KpiKey.ABANDON_RATE).score()).isEqualByComparingTo("0");
    // (78.4314 + 89.2857 + 100 + 100 + 95.8333) × 20 / 100 = 92.7101
    assertThat(round(score.total())).isEqualByComparingTo("92.71");
  }

  @Test
  void surveysAllEmptyLeaveTheirKpisWithoutValueAndTheTotalRenormalised() {
    KpiTotals noSurveys = new KpiTotals(5, 4, 3, 1500, 0, 0, 0, 0, 0, 0, 0, 4, 1, 2);
    BalancedScore score = BalancedScore.of(noSurveys, ScorecardDefinition.defaults());
    assertThat(score.lines().get(KpiKey.CSAT).value()).isNull();
    assertThat(score.lines().get(KpiKey.CSAT).score()).isNull();
    assertThat(score.lines().get(KpiKey.NPS).value()).isNull();
    assertThat(score.lines().get(KpiKey.CES).value()).isNull();
    // only fcr (100) and aht (95.8333) have values: (100 × 20 + 95.8333 × 20) / 40
    assertThat(round(score.total())).isEqualByComparingTo("97.92");
  }

  @Test
  void aSingleRow() {
    // one handled phone call: fcr, 240 s, waited 5 s, csat 4, nps 7 (passive), ces 5
    KpiTotals one = new KpiTotals(1, 1, 1, 240, 1, 1, 1, 0, 0, 1, 5, 1, 0, 1);
    Map<KpiKey, BigDecimal> v = one.values();
    assertThat(v.get(KpiKey.CSAT)).isEqualByComparingTo("100");
    assertThat(v.get(KpiKey.NPS)).isEqualByComparingTo("0");
    assertThat(v.get(KpiKey.CES)).isEqualByComparingTo("5");
    assertThat(v.get(KpiKey.AHT)).isEqualByComparingTo("240");
    assertThat(v.get(KpiKey.SERVICE_LEVEL)).isEqualByComparingTo("100");
    assertThat(v.get(KpiKey.ABANDON_RATE)).isEqualByComparingTo("0");
  }

  @Test
  void anAbandonedOnlyQueueHasNoHandledKpis() {
    KpiTotals abandoned = new KpiTotals(3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 0);
    Map<KpiKey, BigDecimal> v = abandoned.values();
    assertThat(v.get(KpiKey.FCR)).isNull();
    assertThat(v.get(KpiKey.AHT)).isNull();
    assertThat(v.get(KpiKey.ABANDON_RATE)).isEqualByComparingTo("100");
    assertThat(v.get(KpiKey.SERVICE_LEVEL)).isEqualByComparingTo("0");
    // only service level and abandon rate have values, both weight 0 in the default: no total
    assertThat(BalancedScore.of(abandoned, ScorecardDefinition.defaults()).total()).isNull();
  }

  @Test
  void npsAtItsExtremes() {
    KpiTotals allDetractors = new KpiTotals(2, 2, 0, 100, 0, 0, 2, 0, 2, 0, 0, 0, 0, 0);
    KpiTotals allPromoters = new KpiTotals(2, 2, 0, 100, 0, 0, 2, 2, 0, 0, 0, 0, 0, 0);
    assertThat(allDetractors.value(KpiKey.NPS)).isEqualByComparingTo("-100");
    assertThat(allPromoters.value(KpiKey.NPS)).isEqualByComparingTo("100");
    KpiTarget nps = KpiTarget.of("40", "-100", 20);
    assertThat(BalancedScore.score(KpiKey.NPS, new BigDecimal("-100"), nps))
        .isEqualByComparingTo("0");
    assertThat(BalancedScore.score(KpiKey.NPS, new BigDecimal("100"), nps))
        .isEqualByComparingTo("100");
  }

  @Test
  void scoresClampAtZeroAndHundred() {
    KpiTarget aht = KpiTarget.of("360", "720", 20);
    assertThat(BalancedScore.score(KpiKey.AHT, new BigDecimal("900"), aht))
        .isEqualByComparingTo("0");
    assertThat(BalancedScore.score(KpiKey.AHT, new BigDecimal("720"), aht))
        .isEqualByComparingTo("0");
    assertThat(BalancedScore.score(KpiKey.AHT, new BigDecimal("360"), aht))
        .isEqualByComparingTo("100");
    assertThat(BalancedScore.score(KpiKey.AHT, new BigDecimal("100"), aht))
        .isEqualByComparingTo("100");
    assertThat(BalancedScore.score(KpiKey.AHT, new BigDecimal("540"), aht))
        .isEqualByComparingTo("50");
    KpiTarget csat = KpiTarget.of("85", "0", 20);
    assertThat(BalancedScore.score(KpiKey.CSAT, new BigDecimal("0"), csat))
        .isEqualByComparingTo("0");
    assertThat(BalancedScore.score(KpiKey.CSAT, new BigDecimal("92"), csat))
        .isEqualByComparingTo("100");
  }

  @Test
  void weightsOfZeroShowAScoreButDoNotCount() {
    ScorecardDefinition fcrOnly =
        new ScorecardDefinition(
            Map.of(
                KpiKey.FCR, KpiTarget.of("75", "0", 100), KpiKey.CSAT, KpiTarget.of("85", "0", 0)));
    BalancedScore score = BalancedScore.of(FIVE_ROWS, fcrOnly);
    assertThat(round(score.lines().get(KpiKey.CSAT).score())).isEqualByComparingTo("78.43");
    assertThat(score.total()).isEqualByComparingTo("100");
  }

  @Test
  void noValueAtAllMeansNoTotal() {
    BalancedScore score = BalancedScore.of(KpiTotals.EMPTY, ScorecardDefinition.defaults());
    assertThat(score.total()).isNull();
    assertThat(score.lines().values()).allSatisfy(line -> assertThat(line.value()).isNull());
  }

  @Test
  void theDefaultScorecardIsValid() {
    assertThat(ScorecardDefinition.defaults().problems()).isEmpty();
  }

  @Test
  void invalidScorecardsSayWhatIsWrong() {
    ScorecardDefinition wrong =
        new ScorecardDefinition(
            Map.of(
                KpiKey.CSAT, KpiTarget.of("0", "10", 50),
                KpiKey.AHT, KpiTarget.of("720", "360", 30),
                KpiKey.FCR, KpiTarget.of("75", "0", -1)));
    assertThat(wrong.problems())
        .extracting(e -> e.field())
        .containsExactlyInAnyOrder(
            "kpis.csat.target", "kpis.aht.target", "kpis.fcr.weight", "kpis");
    assertThat(wrong.problems()).anySatisfy(e -> assertThat(e.message()).contains("add up to 79"));
  }

  static BigDecimal round(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }
}
