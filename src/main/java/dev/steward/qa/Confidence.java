package dev.steward.qa;

import java.util.Arrays;
import java.util.Optional;

/** The confidence levels a QA sample may be sized for, with their z values (kpis.md). */
public enum Confidence {
  NINETY(90, 1.644854),
  NINETY_FIVE(95, 1.959964),
  NINETY_NINE(99, 2.575829);

  /** kpis.md: the default confidence is 95 %. */
  public static final Confidence DEFAULT = NINETY_FIVE;

  private final int percent;
  private final double z;

  Confidence(int percent, double z) {
    this.percent = percent;
    this.z = z;
  }

  public int percent() {
    return percent;
  }

  /** The two-sided standard normal quantile for this confidence. */
  public double z() {
    return z;
  }

  public static Optional<Confidence> ofPercent(int percent) {
    return Arrays.stream(values()).filter(c -> c.percent == percent).findFirst();
  }
}
