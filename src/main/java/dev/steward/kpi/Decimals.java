package dev.steward.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding for answers and the shape checks of decimal inputs. */
final class Decimals {

  private Decimals() {}

  /**
   * kpis.md: numbers in API answers are rounded half-up to 2 decimals; {@code null} stays {@code
   * null}.
   */
  static BigDecimal answer(BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
  }

  static boolean wholeNumber(BigDecimal value) {
    return value.stripTrailingZeros().scale() <= 0;
  }

  /**
   * At most {@code decimals} decimal places and fewer than {@code integerDigits} digits before the
   * point.
   */
  static boolean fits(BigDecimal value, int integerDigits, int decimals) {
    return value.stripTrailingZeros().scale() <= decimals
        && value.abs().compareTo(BigDecimal.TEN.pow(integerDigits)) < 0;
  }
}
