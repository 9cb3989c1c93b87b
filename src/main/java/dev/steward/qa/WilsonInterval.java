package dev.steward.qa;

/**
 * The 95 % Wilson score interval of a pass rate (kpis.md: "pass rate = passed / scored audits,
 * reported with its 95 % Wilson score interval"), as fractions 0..1.
 */
public record WilsonInterval(double lower, double upper) {

  public static final double Z_95 = 1.959964;

  /** {@code null} when nothing was scored: there is no rate to bound. */
  public static WilsonInterval of(long passed, long scored) {
    return of(passed, scored, Z_95);
  }

  public static WilsonInterval of(long passed, long scored, double z) {
    if (scored < 0 || passed < 0 || passed > scored) {
      throw new IllegalArgumentException("passed " + passed + " of " + scored);
    }
    if (scored == 0) {
      return null;
    }
    double n = scored;
    double p = passed / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
  }
}
