package dev.steward.qa;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Body of {@code PUT /api/vendors/{id}/qa-scorecard}. Numbers arrive as decimals so that a weight
 * of 2.5 is refused with a message instead of being truncated to 2.
 */
record QaScorecardRequest(
    @Schema(description = "audit score an audit must reach to pass, 0 to 100", example = "80")
        BigDecimal passMark,
    @Schema(description = "the categories analysts rate, in the order of the audit form")
        List<Category> categories) {

  static final int MAX_CATEGORIES = 30;

  /** One category: rated on {@code min..max}, weighted, critical when a low rating fails. */
  record Category(
      @Schema(example = "correctness") String key,
      @Schema(example = "Correctness") String name,
      @Schema(example = "30", description = "a whole number greater than 0") BigDecimal weight,
      @Schema(example = "1", description = "lowest rating, a whole number 0 to 100") BigDecimal min,
      @Schema(example = "5", description = "highest rating, a whole number above min, at most 100")
          BigDecimal max,
      @Schema(
              example = "true",
              description =
                  "a rating scoring below 50 sets the audit score to 0; false when absent")
          Boolean critical) {}

  static QaScorecardRequest of(QaScorecard scorecard) {
    return new QaScorecardRequest(
        BigDecimal.valueOf(scorecard.passMark()),
        scorecard.categories().stream()
            .map(
                c ->
                    new Category(
                        c.key(),
                        c.name(),
                        BigDecimal.valueOf(c.weight()),
                        BigDecimal.valueOf(c.min()),
                        BigDecimal.valueOf(c.max()),
                        c.critical()))
            .toList());
  }

  /**
   * The scorecard this request describes.
   *
   * @throws InvalidDataException with every problem, each naming its field
   */
  QaScorecard toScorecard() {
    List<FieldError> errors = new ArrayList<>();
    double passMark = 0;
    if (this.passMark == null) {
      errors.add(FieldError.field("passMark", "is required: a number from 0 to 100"));
    } else if (this.passMark.stripTrailingZeros().scale() > 2
        || this.passMark.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
      errors.add(
          FieldError.field("passMark", "must be a number from 0 to 100, at most 2 decimal places"));
    } else {
      passMark = this.passMark.doubleValue();
    }
    List<QaCategory> parsed = new ArrayList<>();
    if (categories == null) {
      errors.add(
          FieldError.field("categories", "is required: a list of {key, name, weight, min, max}"));
    } else if (categories.size() > MAX_CATEGORIES) {
      errors.add(
          FieldError.field("categories", "must have at most " + MAX_CATEGORIES + " categories"));
    } else {
      for (int i = 0; i < categories.size(); i++) {
        String at = "categories[" + i + "]";
        Category c = categories.get(i);
        if (c == null) {
          errors.add(FieldError.field(at, "is required: {key, name, weight, min, max}"));
          continue;
        }
        int weight = whole(c.weight(), at + ".weight", "a whole number greater than 0", errors);
        int min = whole(c.min(), at + ".min", "a whole number from 0 to 100", errors);
        int max = whole(c.max(), at + ".max", "a whole number from 0 to 100", errors);
        String name = c.name() == null ? null : c.name().strip();
        parsed.add(
            new QaCategory(c.key(), name, weight, min, max, Boolean.TRUE.equals(c.critical())));
      }
    }
    QaScorecard scorecard = new QaScorecard(parsed, passMark);
    // what the request could not even be read as is reported once, not again by the rules
    Set<String> reported = errors.stream().map(FieldError::field).collect(Collectors.toSet());
    for (FieldError problem : QaScorecard.problems(scorecard)) {
      if (!reported.contains(problem.field())
          && !(problem.field().equals("categories") && categories == null)
          && !(problem.field().endsWith(".max") && reported.contains(minOf(problem.field())))) {
        errors.add(problem);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The QA scorecard is invalid", errors);
    }
    return scorecard;
  }

  private static String minOf(String maxField) {
    return maxField.substring(0, maxField.length() - ".max".length()) + ".min";
  }

  /** A whole number within int range, or an error naming the field (and a harmless 0). */
  private static int whole(BigDecimal value, String field, String rule, List<FieldError> errors) {
    if (value == null) {
      errors.add(FieldError.field(field, "is required: " + rule));
      return 0;
    }
    if (value.stripTrailingZeros().scale() > 0
        || value.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
      errors.add(FieldError.field(field, "must be " + rule));
      return 0;
    }
    return value.intValueExact();
  }
}
