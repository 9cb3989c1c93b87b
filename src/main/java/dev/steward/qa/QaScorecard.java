package dev.steward.qa;

import dev.steward.platform.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A vendor's QA scorecard: its categories and the pass mark an audit score must reach.
 *
 * @param categories at least one, unique keys
 * @param passMark 0..100, default 80
 */
public record QaScorecard(List<QaCategory> categories, double passMark) {

  public static final double DEFAULT_PASS_MARK = 80;
  private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9-]{0,39}");

  public QaScorecard {
    categories = List.copyOf(categories);
  }

  /** The default set of kpis.md: what brands audit. */
  public static QaScorecard defaults() {
    return new QaScorecard(
        List.of(
            new QaCategory("greeting", "Greeting", 10, 1, 5, false),
            new QaCategory("tone", "Tone", 20, 1, 5, false),
            new QaCategory("correctness", "Correctness", 30, 1, 5, true),
            new QaCategory("crossSell", "Cross-sell", 10, 1, 5, false),
            new QaCategory("salutation", "Salutation", 10, 1, 5, false),
            new QaCategory("policyCompliance", "Policy compliance", 20, 0, 1, true)),
        DEFAULT_PASS_MARK);
  }

  public Optional<QaCategory> category(String key) {
    return categories.stream().filter(c -> c.key().equals(key)).findFirst();
  }

  /** Every rule a scorecard breaks, each naming the field; empty when it is valid. */
  public static List<FieldError> problems(QaScorecard scorecard) {
    List<FieldError> errors = new ArrayList<>();
    if (scorecard.passMark() < 0
        || scorecard.passMark() > 100
        || Double.isNaN(scorecard.passMark())) {
      errors.add(FieldError.field("passMark", "must be between 0 and 100"));
    }
    if (scorecard.categories().isEmpty()) {
      errors.add(FieldError.field("categories", "must have at least one category"));
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < scorecard.categories().size(); i++) {
      QaCategory c = scorecard.categories().get(i);
      String at = "categories[" + i + "]";
      if (c.key() == null || !KEY.matcher(c.key()).matches()) {
        errors.add(
            FieldError.field(
                at + ".key",
                "must be 1-40 letters, digits or '-', starting with a lower-case letter"));
      } else if (!keys.add(c.key())) {
        errors.add(FieldError.field(at + ".key", "'" + c.key() + "' is used by another category"));
      }
      if (c.name() == null || c.name().isBlank() || c.name().length() > 100) {
        errors.add(FieldError.field(at + ".name", "must be 1-100 characters"));
      }
      if (c.weight() <= 0) {
        errors.add(FieldError.field(at + ".weight", "must be greater than 0"));
      }
      if (c.max() <= c.min()) {
        errors.add(FieldError.field(at + ".max", "must be greater than min (" + c.min() + ")"));
      }
      // name the bound at fault: a scale of 1..101 is wrong in its max, not its min
      if (c.min() < 0) {
        errors.add(FieldError.field(at + ".min", "must be between 0 and 100"));
      }
      if (c.max() > 100) {
        errors.add(FieldError.field(at + ".max", "must be between 0 and 100"));
      }
    }
    return errors;
  }
}
