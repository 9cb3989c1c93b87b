package dev.steward.qa;

/**
 * One category of a QA scorecard (kpis.md "QA audits"): rated on {@code min..max} (1–5, or 0–1 for
 * pass/fail), weighted, and {@code critical} when a low rating fails the whole audit.
 *
 * @param key stable identifier, e.g. {@code correctness}
 * @param name what analysts read on the audit form
 * @param weight &gt; 0
 * @param min lowest rating
 * @param max highest rating, &gt; min
 * @param critical a rating scoring below 50 sets the audit score to 0
 */
public record QaCategory(String key, String name, int weight, int min, int max, boolean critical) {

  /** category score = 100 × (rating − min) / (max − min) */
  public double score(int rating) {
    if (rating < min || rating > max) {
      throw new IllegalArgumentException(
          "rating " + rating + " of '" + key + "' is outside " + min + ".." + max);
    }
    return 100.0 * (rating - min) / (max - min);
  }
}
