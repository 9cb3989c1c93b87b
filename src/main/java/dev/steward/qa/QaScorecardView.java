package dev.steward.qa;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** A vendor's QA scorecard as the API answers it. */
public record QaScorecardView(String vendorId, BigDecimal passMark, List<Category> categories) {

  public record Category(String key, String name, int weight, int min, int max, boolean critical) {}

  static QaScorecardView of(String vendorId, QaScorecard scorecard) {
    return new QaScorecardView(
        vendorId,
        BigDecimal.valueOf(scorecard.passMark()).setScale(2, RoundingMode.HALF_UP),
        categories(scorecard));
  }

  static List<Category> categories(QaScorecard scorecard) {
    return scorecard.categories().stream()
        .map(c -> new Category(c.key(), c.name(), c.weight(), c.min(), c.max(), c.critical()))
        .toList();
  }
}
