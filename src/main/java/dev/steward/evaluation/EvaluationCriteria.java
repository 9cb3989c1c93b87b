package dev.steward.evaluation;

import dev.steward.platform.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The default RFP criteria of product.md §2 and the rules every criteria matrix must follow. */
final class EvaluationCriteria {

  private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");

  private EvaluationCriteria() {}

  /**
   * product.md §2's eight criteria. What a customer notices first (industry experience, service
   * capabilities, language) and price weigh 15 each; the rest 10: together 100.
   */
  static List<Criterion> defaults() {
    return List.of(
        new Criterion("industryExperience", "Industry experience", 15),
        new Criterion("technology", "Technology", 10),
        new Criterion("serviceCapabilities", "Service capabilities", 15),
        new Criterion("languageProficiency", "Language proficiency", 15),
        new Criterion("cultureFit", "Culture fit", 10),
        new Criterion("security", "Security", 10),
        new Criterion(Criterion.PRICE, "Price", 15),
        new Criterion("references", "References", 10));
  }

  /**
   * Everything wrong with a criteria matrix: at least one criterion; keys unique, 1–40 letters and
   * digits starting with a lower-case letter; names 1–100 characters; weights whole numbers 0–100
   * adding up to 100; at least one criterion rated by the evaluators.
   */
  static List<FieldError> problems(List<Criterion> criteria) {
    List<FieldError> errors = new ArrayList<>();
    if (criteria == null || criteria.isEmpty()) {
      errors.add(FieldError.field("criteria", "must name at least one criterion"));
      return errors;
    }
    Set<String> keys = new HashSet<>();
    int sum = 0;
    for (int i = 0; i < criteria.size(); i++) {
      Criterion c = criteria.get(i);
      String field = "criteria[" + i + "]";
      if (c == null) {
        errors.add(FieldError.field(field, "must be an object {key, name, weight}"));
        continue;
      }
      if (c.key() == null || !KEY.matcher(c.key()).matches()) {
        errors.add(
            FieldError.field(
                field + ".key",
                "1-40 letters or digits starting with a lower-case letter, e.g. languageProficiency"));
      } else if (!keys.add(c.key())) {
        errors.add(FieldError.field(field + ".key", "'" + c.key() + "' is listed twice"));
      }
      if (c.name() == null || c.name().isBlank() || c.name().length() > 100) {
        errors.add(FieldError.field(field + ".name", "1-100 characters"));
      }
      if (c.weight() == null || c.weight() < 0 || c.weight() > 100) {
        errors.add(FieldError.field(field + ".weight", "a whole number from 0 to 100"));
      } else {
        sum += c.weight();
      }
    }
    if (errors.isEmpty() && sum != 100) {
      errors.add(
          FieldError.field("criteria", "the weights must add up to 100, they add up to " + sum));
    }
    if (errors.isEmpty() && criteria.stream().allMatch(Criterion::isPrice)) {
      errors.add(FieldError.field("criteria", "needs at least one criterion the evaluators rate"));
    }
    return errors;
  }
}
