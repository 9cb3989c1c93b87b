package dev.steward.bulletin;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The acknowledgment rate: acknowledged / addressed, as a percentage. Full precision in the maths,
 * rounded half-up to 2 decimals only for answers.
 */
final class AcknowledgmentRate {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private AcknowledgmentRate() {}

  /** The percentage at full precision, or {@code null} when nothing was addressed. */
  static BigDecimal percent(long acknowledged, long addressed) {
    if (acknowledged < 0 || addressed < 0 || acknowledged > addressed) {
      throw new IllegalArgumentException(
          "acknowledged " + acknowledged + " of " + addressed + " addressed");
    }
    if (addressed == 0) {
      return null;
    }
    return BigDecimal.valueOf(acknowledged)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(addressed), MathContext.DECIMAL128);
  }

  /** The percentage as the API answers it: half-up to 2 decimals; {@code null} stays null. */
  static BigDecimal answer(long acknowledged, long addressed) {
    BigDecimal percent = percent(acknowledged, addressed);
    return percent == null ? null : percent.setScale(2, RoundingMode.HALF_UP);
  }
}
