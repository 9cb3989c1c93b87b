package dev.steward.qa;

/**
 * Cochran's sample size with finite-population correction (kpis.md "QA sample size"): n0 = z² · p(1
 * − p) / e², n = ceil(n0 / (1 + (n0 − 1) / N)), and n ≤ N, with p = 0.5 (the most conservative
 * proportion).
 */
public final class SampleSize {

  /** kpis.md: the default margin of error. */
  public static final double DEFAULT_MARGIN = 0.05;

  static final double P = 0.5;

  /**
   * Floating-point noise below this is not a fraction of an audit: it keeps a mathematically whole
   * n (e.g. exactly 1 for N = 1) from rounding up to the next integer.
   */
  private static final double EPSILON = 1e-9;

  private SampleSize() {}

  /** The infinite-population size n0 = z² · p(1 − p) / e². */
  static double unbounded(double z, double margin) {
    return z * z * P * (1 - P) / (margin * margin);
  }

  /**
   * How many of {@code population} interactions to audit.
   *
   * @param population N, the handled interactions of the cycle (0 gives 0)
   * @param confidence the confidence level (its z value)
   * @param margin the margin of error e, e.g. 0.05 for ± 5 %
   */
  public static int cochran(long population, Confidence confidence, double margin) {
    return cochran(population, confidence.z(), margin);
  }

  static int cochran(long population, double z, double margin) {
    if (population < 0) {
      throw new IllegalArgumentException("population " + population);
    }
    if (!(margin > 0 && margin < 1)) {
      throw new IllegalArgumentException("margin " + margin);
    }
    if (population == 0) {
      return 0;
    }
    double n0 = unbounded(z, margin);
    double corrected = n0 / (1 + (n0 - 1) / population);
    long n = (long) Math.ceil(corrected - EPSILON);
    return (int) Math.max(1, Math.min(n, population));
  }
}
