package dev.steward.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The 95 % Wilson score interval of a pass rate, on hand-computed cases.
 *
 * <p>With p = passed / n and z = 1.959964 (z² = 3.841458881…):
 *
 * <pre>
 *   d      = 1 + z²/n
 *   centre = (p + z²/(2n)) / d
 *   half   = (z / d) · √( p(1 − p)/n + z²/(4n²) )
 *   bounds = centre ∓ half, clamped to 0..1
 * </pre>
 */
class WilsonIntervalTest {

  static final Offset<Double> FOUR_DECIMALS = within(0.00005);

  @Test
  void nothingScoredHasNoInterval() {
    assertThat(WilsonInterval.of(0, 0)).isNull();
  }

  @Test
  void noneOfTenPassed() {
    // n = 10, p = 0: z²/n = 0.3841459, d = 1.3841459
    // centre = (0 + 0.1920729) / 1.3841459 = 0.1387664
    // half   = (1.959964 / 1.3841459) · √(0 + 3.8414589 / 400) = 1.4160097 · 0.0979982 = 0.1387664
    // lower  = 0.1387664 − 0.1387664 = 0; upper = 0.2775328 (= z²/n / d)
    WilsonInterval interval = WilsonInterval.of(0, 10);
    assertThat(interval.lower()).isCloseTo(0.0, within(1e-12));
    assertThat(interval.upper()).isCloseTo(0.2775, FOUR_DECIMALS);
    assertThat(interval.upper()).isCloseTo(0.3841458881 / 1.3841458881, within(1e-9));
  }

  @Test
  void allOfTenPassed() {
    // n = 10, p = 1: the mirror image of 0/10
    // centre = (1 + 0.1920729) / 1.3841459 = 0.8612336; half = 1.4160097 · √(0 + 0.0096036) =
    // 0.1387664
    // lower = 0.8612336 − 0.1387664 = 0.7224672; upper = 1 (0.99999… before clamping)
    WilsonInterval interval = WilsonInterval.of(10, 10);
    assertThat(interval.lower()).isCloseTo(0.7225, FOUR_DECIMALS);
    assertThat(interval.lower()).isCloseTo(1 - 0.3841458881 / 1.3841458881, within(1e-9));
    assertThat(interval.upper()).isCloseTo(1.0, within(1e-12));
    assertThat(interval.upper()).isLessThanOrEqualTo(1.0);
  }

  @Test
  void eightOfTenPassed() {
    // n = 10, p = 0.8: d = 1.3841459
    // centre = (0.8 + 0.1920729) / 1.3841459 = 0.9920729 / 1.3841459 = 0.7167402
    // half   = 1.4160097 · √(0.8 · 0.2 / 10 + 0.0096036) = 1.4160097 · √0.0256036
    //        = 1.4160097 · 0.1600114 = 0.2265777
    // lower  = 0.7167402 − 0.2265777 = 0.4901625; upper = 0.7167402 + 0.2265777 = 0.9433178
    WilsonInterval interval = WilsonInterval.of(8, 10);
    assertThat(interval.lower()).isCloseTo(0.4902, FOUR_DECIMALS);
    assertThat(interval.upper()).isCloseTo(0.9433, FOUR_DECIMALS);
    assertThat(interval.lower()).isCloseTo(0.4901625, within(5e-7));
    assertThat(interval.upper()).isCloseTo(0.9433178, within(5e-7));
  }

  @Test
  void fortyFiveOfFiftyPassed() {
    // n = 50, p = 0.9: z²/n = 0.0768292, d = 1.0768292
    // centre = (0.9 + 0.0384146) / 1.0768292 = 0.9384146 / 1.0768292 = 0.8714610
    // half   = (1.959964 / 1.0768292) · √(0.9 · 0.1 / 50 + 3.8414589 / 10000)
    //        = 1.8201253 · √(0.0018 + 0.0003841) = 1.8201253 · 0.0467348 = 0.0850633
    // lower  = 0.8714610 − 0.0850633 = 0.7863977; upper = 0.8714610 + 0.0850633 = 0.9565242
    WilsonInterval interval = WilsonInterval.of(45, 50);
    assertThat(interval.lower()).isCloseTo(0.7864, FOUR_DECIMALS);
    assertThat(interval.upper()).isCloseTo(0.9565, FOUR_DECIMALS);
    assertThat(interval.lower()).isCloseTo(0.7863977, within(5e-7));
    assertThat(interval.upper()).isCloseTo(0.9565242, within(5e-7));
  }

  @Test
  void theIntervalHoldsThePassRate() {
    WilsonInterval interval = WilsonInterval.of(45, 50);
    assertThat(interval.lower()).isLessThan(0.9);
    assertThat(interval.upper()).isGreaterThan(0.9);
  }

  @Test
  void impossibleCountsAreRefused() {
    assertThatThrownBy(() -> WilsonInterval.of(11, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WilsonInterval.of(-1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WilsonInterval.of(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
