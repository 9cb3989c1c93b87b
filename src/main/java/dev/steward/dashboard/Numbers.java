package dev.steward.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the dashboard writes numbers: one decimal, a unit, and an en dash where there is none. */
final class Numbers {

  static final String NONE = "–";

  private Numbers() {}

  static String text(BigDecimal value, String unit) {
    if (value == null) {
      return NONE;
    }
    String number = value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    return unit.isEmpty() ? number : unit.equals("%") ? number + " %" : number + " " + unit;
  }

  static String money(BigDecimal value) {
    if (value == null) {
      return NONE;
    }
    return String.format(java.util.Locale.ROOT, "%,.2f", value);
  }

  /** A fraction 0..1 as a percentage with one decimal. */
  static BigDecimal percent(Double fraction) {
    return fraction == null
        ? null
        : BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP);
  }

  static BigDecimal oneDecimal(Double value) {
    return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
  }
}
