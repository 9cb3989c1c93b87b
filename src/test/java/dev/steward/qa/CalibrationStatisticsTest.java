package dev.steward.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.steward.qa.CalibrationStatistics.AnalystAlignment;
import dev.steward.qa.CalibrationStatistics.CategorySpread;
import dev.steward.qa.CalibrationStatistics.InteractionMedian;
import dev.steward.qa.CalibrationStatistics.Report;
import dev.steward.qa.CalibrationStatistics.ScoredAudit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** kpis.md "Calibration" on hand-computed cases. */
class CalibrationStatisticsTest {

  static final Offset<Double> EXACT = within(1e-9);

  // --- median

  @Test
  void theMedianOfAnOddCountIsTheMiddleValue() {
    assertThat(CalibrationStatistics.median(List.of(70.0, 90.0, 80.0))).isEqualTo(80.0);
    assertThat(CalibrationStatistics.median(List.of(42.5))).isEqualTo(42.5);
    assertThat(CalibrationStatistics.median(List.of(0.0, 100.0, 100.0, 5.0, 60.0))).isEqualTo(60.0);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    // sorted 60, 70, 90, 100: (70 + 90) / 2 = 80
    assertThat(CalibrationStatistics.median(List.of(60.0, 90.0, 70.0, 100.0))).isEqualTo(80.0);
    // (85 + 70) / 2 = 77.5
    assertThat(CalibrationStatistics.median(List.of(85.0, 70.0))).isEqualTo(77.5);
  }

  @Test
  void nothingHasNoMedian() {
    assertThat(CalibrationStatistics.median(List.of())).isNull();
  }

  // --- standard deviation

  @Test
  void populationStandardDeviationDividesByN() {
    // 50, 100: mean 75, squares 625 + 625 = 1250, / 2 = 625, √ = 25 (the sample SD would be 35.36)
    assertThat(CalibrationStatistics.populationStandardDeviation(List.of(50.0, 100.0)))
        .isCloseTo(25.0, EXACT);
    // 0, 50, 100: mean 50, squares 2500 + 0 + 2500 = 5000, / 3 = 1666.67, √ = 40.8248
    assertThat(CalibrationStatistics.populationStandardDeviation(List.of(0.0, 50.0, 100.0)))
        .isCloseTo(Math.sqrt(5000.0 / 3), EXACT)
        .isCloseTo(40.8248, within(0.00005));
    assertThat(CalibrationStatistics.populationStandardDeviation(List.of(75.0, 75.0, 75.0)))
        .isCloseTo(0.0, EXACT);
  }

  @Test
  void aSingleRatingHasNoSpread() {
    assertThat(CalibrationStatistics.populationStandardDeviation(List.of(60.0))).isEqualTo(0.0);
    assertThat(CalibrationStatistics.populationStandardDeviation(List.of())).isNull();
  }

  @Test
  void theSpreadIsPooledWithinInteractionsNotAcrossThem() {
    // interaction 1: 0, 0 (agreement); interaction 2: 100, 100 (agreement): no disagreement at all,
    // although the four values differ a lot
    assertThat(
            CalibrationStatistics.pooledStandardDeviation(
                List.of(List.of(0.0, 0.0), List.of(100.0, 100.0))))
        .isCloseTo(0.0, EXACT);
    // interaction 1: 50, 100 (squares 1250); interaction 2: 25, 75 (squares 1250); √(2500 / 4) = 25
    assertThat(
            CalibrationStatistics.pooledStandardDeviation(
                List.of(List.of(50.0, 100.0), List.of(25.0, 75.0), List.of())))
        .isCloseTo(25.0, EXACT);
    assertThat(CalibrationStatistics.pooledStandardDeviation(List.of(List.of(), List.of())))
        .isNull();
  }

  // --- the report

  static Map<String, Double> scores(Object... categoryAndScore) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i < categoryAndScore.length; i += 2) {
      scores.put((String) categoryAndScore[i], ((Number) categoryAndScore[i + 1]).doubleValue());
    }
    return scores;
  }

  /**
   * Three analysts, two interactions, categories greeting and tone (and crossSell, which nobody
   * rated).
   *
   * <pre>
   *               greeting  tone   audit score
   *   i1  ann        100     75       85
   *       ben         50     75       70
   *       cat        N/A     25       40
   *   i2  ann         75    100       90
   *       ben         75    N/A       75
   *       cat        N/A    N/A      none (all N/A)
   * </pre>
   */
  static Report threeAnalystsTwoInteractions() {
    return CalibrationStatistics.of(
        List.of("greeting", "tone", "crossSell"),
        List.of("ann", "ben", "cat"),
        List.of("i1", "i2"),
        List.of(
            new ScoredAudit("ann", "i1", scores("greeting", 100, "tone", 75), 85.0),
            new ScoredAudit("ben", "i1", scores("greeting", 50, "tone", 75), 70.0),
            new ScoredAudit("cat", "i1", scores("tone", 25), 40.0),
            new ScoredAudit("ann", "i2", scores("greeting", 75, "tone", 100), 90.0),
            new ScoredAudit("ben", "i2", scores("greeting", 75), 75.0),
            new ScoredAudit("cat", "i2", scores(), null)));
  }

  @Test
  void theMedianOfEachInteractionLeavesUnscoredAuditsOut() {
    // i1: 85, 70, 40 → 70; i2: 90, 75 (cat has no score) → (75 + 90) / 2 = 82.5
    assertThat(threeAnalystsTwoInteractions().interactions())
        .containsExactly(
            new InteractionMedian("i1", 70.0, 3), new InteractionMedian("i2", 82.5, 2));
  }

  @Test
  void notApplicableCategoriesAreLeftOutOfThatCategorysSpread() {
    List<CategorySpread> categories = threeAnalystsTwoInteractions().categories();

    // greeting: i1 100, 50 (cat N/A): mean 75, squares 625 + 625 = 1250
    //           i2 75, 75 (cat N/A): squares 0
    //           √((1250 + 0) / 4) = √312.5 = 17.6777
    assertThat(categories.get(0).category()).isEqualTo("greeting");
    assertThat(categories.get(0).ratings()).isEqualTo(4);
    assertThat(categories.get(0).standardDeviation())
        .isCloseTo(Math.sqrt(312.5), EXACT)
        .isCloseTo(17.6777, within(0.00005));

    // tone: i1 75, 75, 25: mean 58.333, squares 277.78 + 277.78 + 1111.11 = 1666.67
    //       i2 100 (ben and cat N/A): a single rating, squares 0
    //       √(1666.67 / 4) = √416.67 = 20.4124
    assertThat(categories.get(1).category()).isEqualTo("tone");
    assertThat(categories.get(1).ratings()).isEqualTo(4);
    assertThat(categories.get(1).standardDeviation())
        .isCloseTo(Math.sqrt(5000.0 / 3 / 4), EXACT)
        .isCloseTo(20.4124, within(0.00005));

    // nobody rated cross-sell: no spread at all, not a spread of 0
    assertThat(categories.get(2)).isEqualTo(new CategorySpread("crossSell", null, 0));
  }

  @Test
  void alignmentIsAHundredLessTheMeanDistanceFromTheMedians() {
    List<AnalystAlignment> analysts = threeAnalystsTwoInteractions().analysts();
    // ann: |85 − 70| = 15, |90 − 82.5| = 7.5: mean 11.25 → 88.75
    assertThat(analysts.get(0).analyst()).isEqualTo("ann");
    assertThat(analysts.get(0).alignment()).isCloseTo(88.75, EXACT);
    assertThat(analysts.get(0).comparedInteractions()).isEqualTo(2);
    // ben: |70 − 70| = 0, |75 − 82.5| = 7.5: mean 3.75 → 96.25
    assertThat(analysts.get(1).alignment()).isCloseTo(96.25, EXACT);
    assertThat(analysts.get(1).comparedInteractions()).isEqualTo(2);
    // cat: |40 − 70| = 30 on i1 only (no score on i2) → 70
    assertThat(analysts.get(2).alignment()).isCloseTo(70.0, EXACT);
    assertThat(analysts.get(2).comparedInteractions()).isEqualTo(1);
  }

  @Test
  void anAnalystMatchingTheMedianIsFullyAligned() {
    // one interaction scored 60, 80, 95: median 80
    Report report =
        CalibrationStatistics.of(
            List.of("tone"),
            List.of("ann", "ben", "cat"),
            List.of("i1"),
            List.of(
                new ScoredAudit("ann", "i1", scores("tone", 50), 60.0),
                new ScoredAudit("ben", "i1", scores("tone", 75), 80.0),
                new ScoredAudit("cat", "i1", scores("tone", 100), 95.0)));

    assertThat(report.analysts())
        .extracting(AnalystAlignment::alignment)
        .containsExactly(80.0, 100.0, 85.0); // 100 − 20, 100 − 0, 100 − 15
    // tone 50, 75, 100: mean 75, squares 625 + 0 + 625, √(1250 / 3) = 20.4124
    assertThat(report.categories().get(0).standardDeviation())
        .isCloseTo(Math.sqrt(1250.0 / 3), EXACT);
  }

  @Test
  void twoAnalystsAreEquallyAlignedAroundTheirOwnMedian() {
    // 80 and 60: median 70, each 10 away → 90 both
    Report report =
        CalibrationStatistics.of(
            List.of("tone"),
            List.of("ann", "ben"),
            List.of("i1"),
            List.of(
                new ScoredAudit("ann", "i1", scores("tone", 75), 80.0),
                new ScoredAudit("ben", "i1", scores("tone", 50), 60.0)));

    assertThat(report.analysts())
        .containsExactly(
            new AnalystAlignment("ann", 90.0, 1), new AnalystAlignment("ben", 90.0, 1));
    assertThat(report.interactions()).containsExactly(new InteractionMedian("i1", 70.0, 2));
    // 75, 50: population SD 12.5
    assertThat(report.categories().get(0).standardDeviation()).isCloseTo(12.5, EXACT);
  }

  @Test
  void aCategoryRatedByASingleAnalystHasASpreadOfZero() {
    Report report =
        CalibrationStatistics.of(
            List.of("greeting", "tone"),
            List.of("ann", "ben"),
            List.of("i1"),
            List.of(
                new ScoredAudit("ann", "i1", scores("greeting", 25, "tone", 75), 60.0),
                new ScoredAudit("ben", "i1", scores("tone", 75), 75.0)));

    assertThat(report.categories())
        .containsExactly(
            new CategorySpread("greeting", 0.0, 1), new CategorySpread("tone", 0.0, 2));
  }

  @Test
  void anAnalystWithoutAnyScoreHasNoAlignment() {
    Report report =
        CalibrationStatistics.of(
            List.of("tone"),
            List.of("ann", "ben"),
            List.of("i1"),
            List.of(
                new ScoredAudit("ann", "i1", scores("tone", 75), 75.0),
                new ScoredAudit("ben", "i1", scores(), null)));

    assertThat(report.analysts())
        .containsExactly(
            new AnalystAlignment("ann", 100.0, 1), new AnalystAlignment("ben", null, 0));
  }

  @Test
  void anAuditOutsideTheSessionIsRefused() {
    assertThatThrownBy(
            () ->
                CalibrationStatistics.of(
                    List.of("tone"),
                    List.of("ann"),
                    List.of("i1"),
                    List.of(new ScoredAudit("zoe", "i1", scores("tone", 75), 75.0))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
