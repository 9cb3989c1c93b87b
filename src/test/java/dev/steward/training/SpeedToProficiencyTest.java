package dev.steward.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Speed to proficiency from hand-computed cases. */
class SpeedToProficiencyTest {

  @Test
  void anOddNumberOfAgentsHasTheMiddleValueAsMedian() {
    // 21, 18, 30 -> sorted 18, 21, 30: median 21, mean 69 / 3 = 23
    SpeedToProficiency speed = SpeedToProficiency.of(List.of(21, 18, 30));

    assertThat(speed.proficientAgents()).isEqualTo(3);
    assertThat(speed.medianDays()).isEqualTo(21.0);
    assertThat(speed.meanDays()).isEqualTo(23.0);
  }

  @Test
  void anEvenNumberOfAgentsHasTheMeanOfTheTwoMiddleValuesAsMedian() {
    // 16, 25, 19, 22 -> sorted 16, 19, 22, 25: median (19 + 22) / 2 = 20.5, mean 82 / 4 = 20.5
    SpeedToProficiency speed = SpeedToProficiency.of(List.of(16, 25, 19, 22));

    assertThat(speed.proficientAgents()).isEqualTo(4);
    assertThat(speed.medianDays()).isEqualTo(20.5);
    assertThat(speed.meanDays()).isEqualTo(20.5);
  }

  @Test
  void theMeanKeepsFullPrecision() {
    // 15, 16, 20 -> median 16, mean 51 / 3 = 17 ; 15, 15, 16 -> median 15, mean 46 / 3 = 15.333...
    SpeedToProficiency skewed = SpeedToProficiency.of(List.of(15, 16, 15));

    assertThat(skewed.medianDays()).isEqualTo(15.0);
    assertThat(skewed.meanDays()).isEqualTo(46.0 / 3);
    assertThat(CohortView.rounded(skewed.meanDays())).hasToString("15.33");
  }

  @Test
  void aLongTailMovesTheMeanButNotTheMedian() {
    // 14, 15, 16, 60 -> median (15 + 16) / 2 = 15.5, mean 105 / 4 = 26.25
    SpeedToProficiency speed = SpeedToProficiency.of(List.of(60, 14, 16, 15));

    assertThat(speed.medianDays()).isEqualTo(15.5);
    assertThat(speed.meanDays()).isEqualTo(26.25);
  }

  @Test
  void oneAgentIsMedianAndMean() {
    SpeedToProficiency speed = SpeedToProficiency.of(List.of(17));

    assertThat(speed.proficientAgents()).isEqualTo(1);
    assertThat(speed.medianDays()).isEqualTo(17.0);
    assertThat(speed.meanDays()).isEqualTo(17.0);
  }

  @Test
  void nobodyProficientHasNoMedianAndNoMean() {
    SpeedToProficiency speed = SpeedToProficiency.of(List.of());

    assertThat(speed.proficientAgents()).isZero();
    assertThat(speed.medianDays()).isNull();
    assertThat(speed.meanDays()).isNull();
    assertThat(CohortView.rounded(speed.meanDays())).isNull();
  }

  @Test
  void daysCountFromTheCohortStartAcrossMonthAndLeapDay() {
    LocalDate start = LocalDate.of(2028, 2, 14);

    assertThat(SpeedToProficiency.days(start, start)).isZero();
    // 15 days left in February 2028 (a leap year: 29 days), plus 6 in March
    assertThat(SpeedToProficiency.days(start, LocalDate.of(2028, 3, 6))).isEqualTo(21);
    assertThat(SpeedToProficiency.days(start, LocalDate.of(2028, 2, 28))).isEqualTo(14);
  }

  @Test
  void roundingOfAnswersIsHalfUpToTwoDecimals() {
    assertThat(CohortView.rounded(20.125)).hasToString("20.13");
    assertThat(CohortView.rounded(20.5)).hasToString("20.50");
    assertThat(CohortView.rounded(2.0 / 3)).hasToString("0.67");
  }
}
