package dev.steward.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Acknowledgment rates from hand-computed cases. */
class AcknowledgmentRateTest {

  @Test
  void nothingAddressedHasNoRate() {
    assertThat(AcknowledgmentRate.percent(0, 0)).isNull();
    assertThat(AcknowledgmentRate.answer(0, 0)).isNull();
  }

  @Test
  void noneAcknowledgedIsZero() {
    assertThat(AcknowledgmentRate.answer(0, 4)).isEqualByComparingTo("0.00");
  }

  @Test
  void halfAcknowledgedIsFifty() {
    assertThat(AcknowledgmentRate.answer(1, 2)).isEqualTo(new BigDecimal("50.00"));
  }

  @Test
  void allAcknowledgedIsHundred() {
    assertThat(AcknowledgmentRate.answer(3, 3)).isEqualTo(new BigDecimal("100.00"));
  }

  @Test
  void partialRatesKeepFullPrecisionAndRoundHalfUpOnlyInTheAnswer() {
    // 2/3 = 66.666...% -> 66.67; 1/3 = 33.333...% -> 33.33
    assertThat(AcknowledgmentRate.percent(2, 3).toPlainString()).startsWith("66.66666666");
    assertThat(AcknowledgmentRate.answer(2, 3)).isEqualTo(new BigDecimal("66.67"));
    assertThat(AcknowledgmentRate.answer(1, 3)).isEqualTo(new BigDecimal("33.33"));
    // 1/8 = 12.5% exactly; 1/16 = 6.25%; 1/160 = 0.625% -> half-up 0.63 (not banker's 0.62)
    assertThat(AcknowledgmentRate.answer(1, 8)).isEqualTo(new BigDecimal("12.50"));
    assertThat(AcknowledgmentRate.answer(1, 160)).isEqualTo(new BigDecimal("0.63"));
    // 7/9 = 77.777...% -> 77.78
    assertThat(AcknowledgmentRate.answer(7, 9)).isEqualTo(new BigDecimal("77.78"));
  }

  @Test
  void impossibleCountsAreRefused() {
    assertThatThrownBy(() -> AcknowledgmentRate.percent(3, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AcknowledgmentRate.percent(-1, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
