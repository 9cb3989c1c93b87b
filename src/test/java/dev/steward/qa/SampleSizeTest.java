package dev.steward.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cochran's sample size with finite-population correction, against kpis.md's hand checks. */
class SampleSizeTest {

  @Test
  void kpisMdCheckAThousandAtNinetyFivePercentPlusMinusFive() {
    // n0 = 1.959964² · 0.25 / 0.05² = 384.146; n = ceil(384.146 / (1 + 383.146 / 1000)) =
    // ceil(277.73)
    assertThat(SampleSize.cochran(1_000, Confidence.NINETY_FIVE, 0.05)).isEqualTo(278);
  }

  @Test
  void kpisMdCheckSixtyThousandAtNinetyNinePercentPlusMinusThree() {
    // n0 = 2.575829² · 0.25 / 0.03² = 1843.03; n = ceil(1843.03 / (1 + 1842.03 / 60000)) =
    // ceil(1788.13)
    assertThat(SampleSize.cochran(60_000, Confidence.NINETY_NINE, 0.03)).isEqualTo(1_789);
  }

  @Test
  void theZValuesOfKpisMd() {
    assertThat(Confidence.NINETY.z()).isEqualTo(1.644854);
    assertThat(Confidence.NINETY_FIVE.z()).isEqualTo(1.959964);
    assertThat(Confidence.NINETY_NINE.z()).isEqualTo(2.575829);
    assertThat(Confidence.DEFAULT).isEqualTo(Confidence.NINETY_FIVE);
    assertThat(Confidence.ofPercent(90)).contains(Confidence.NINETY);
    assertThat(Confidence.ofPercent(99)).contains(Confidence.NINETY_NINE);
    assertThat(Confidence.ofPercent(80)).isEmpty();
  }

  @Test
  void theUnboundedSizeIsZSquaredTimesAQuarterOverESquared() {
    assertThat(SampleSize.unbounded(1.959964, 0.05)).isCloseTo(384.14589, within(1e-4));
    assertThat(SampleSize.unbounded(1.644854, 0.15)).isCloseTo(30.0616, within(1e-4));
  }

  @ParameterizedTest(name = "N = {0} at {1} % ± {2} gives {3}")
  @CsvSource({
    // a population smaller than n0 (384.15): the correction keeps n well below N
    "100, 95, 0.05, 80",
    "300, 95, 0.05, 169",
    "10, 95, 0.05, 10",
    // n0 = 30.06 at 90 % ± 15 %: N = 20 gives ceil(30.06 / (1 + 29.06 / 20)) = ceil(12.25)
    "20, 90, 0.15, 13",
    "1, 95, 0.05, 1",
    "2, 99, 0.01, 2",
    "0, 95, 0.05, 0",
    "0, 99, 0.2, 0"
  })
  void smallPopulations(long population, int confidence, double margin, int expected) {
    int n = SampleSize.cochran(population, Confidence.ofPercent(confidence).orElseThrow(), margin);
    assertThat(n).isEqualTo(expected).isLessThanOrEqualTo((int) population);
  }

  @Test
  void neverMoreThanThePopulationAndNeverMoreThanNZero() {
    for (long population = 1; population <= 5_000; population += 7) {
      int n = SampleSize.cochran(population, Confidence.NINETY_FIVE, 0.05);
      assertThat(n).isBetween(1, (int) Math.min(population, 385));
    }
  }

  @Test
  void anImpossibleMarginIsRefused() {
    assertThatThrownBy(() -> SampleSize.cochran(10, Confidence.NINETY_FIVE, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SampleSize.cochran(-1, Confidence.NINETY_FIVE, 0.05))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
