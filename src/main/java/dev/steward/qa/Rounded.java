package dev.steward.qa;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** kpis.md: numbers in API answers are rounded half-up to 2 decimals; {@code null} stays null. */
final class Rounded {

  private Rounded() {}

  static BigDecimal answer(Double value) {
    return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }

  /** A fraction 0..1 as a percentage 0..100. */
  static BigDecimal percent(Double fraction) {
    return fraction == null ? null : answer(fraction * 100);
  }
}
