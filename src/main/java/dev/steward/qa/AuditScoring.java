package dev.steward.qa;

import java.util.LinkedHashMap;
import java.util.Map;

/** Scores one audit exactly as kpis.md "QA audits" says. Pure: no database, no engine. */
public final class AuditScoring {

  private AuditScoring() {}

  /**
   * The result of scoring one audit.
   *
   * @param categoryScores score 0..100 per rated category (N/A categories are absent)
   * @param score the audit score, {@code null} when every category is N/A
   * @param autoFailed a critical category scored below 50, so the score is 0
   * @param passed score ≥ pass mark; {@code null} when there is no score
   */
  public record Result(
      Map<String, Double> categoryScores, Double score, boolean autoFailed, Boolean passed) {}

  /**
   * @param ratings a rating per category key; a missing key or a {@code null} rating is N/A
   * @throws IllegalArgumentException for an unknown category or a rating outside its scale
   */
  public static Result score(QaScorecard scorecard, Map<String, Integer> ratings) {
    for (String key : ratings.keySet()) {
      if (scorecard.category(key).isEmpty()) {
        throw new IllegalArgumentException("'" + key + "' is not a category of this scorecard");
      }
    }
    Map<String, Double> categoryScores = new LinkedHashMap<>();
    double weighted = 0;
    long weights = 0;
    boolean autoFailed = false;
    for (QaCategory category : scorecard.categories()) {
      Integer rating = ratings.get(category.key());
      if (rating == null) {
        continue; // N/A: left out of both sums, so the other weights are rescaled
      }
      double score = category.score(rating);
      categoryScores.put(category.key(), score);
      weighted += category.weight() * score;
      weights += category.weight();
      if (category.critical() && score < 50) {
        autoFailed = true;
      }
    }
    if (weights == 0) {
      return new Result(categoryScores, null, false, null);
    }
    double score = autoFailed ? 0 : weighted / weights;
    return new Result(categoryScores, score, autoFailed, score >= scorecard.passMark());
  }
}
