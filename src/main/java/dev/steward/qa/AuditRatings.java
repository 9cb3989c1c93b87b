package dev.steward.qa;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ratings} list of the audit and arbitration forms: one item per category of the cycle's
 * scorecard, {@code {category, name, rating, notApplicable}}. Builds the prefilled list the forms
 * render and checks a submitted one, naming every bad field ({@code ratings[2].rating}).
 */
final class AuditRatings {

  static final String FIELD = "ratings";
  static final String CATEGORY = "category";
  static final String NAME = "name";
  static final String RATING = "rating";
  static final String NOT_APPLICABLE = "notApplicable";

  private AuditRatings() {}

  /**
   * The list the form starts from: every category in scorecard order with its scale in the name,
   * and the given ratings (none for a new audit; a missing or {@code null} rating shows as empty).
   */
  static List<Map<String, Object>> prefill(QaScorecard scorecard, Map<String, Integer> ratings) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (QaCategory c : scorecard.categories()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(CATEGORY, c.key());
      item.put(NAME, label(c));
      Integer rating = ratings.get(c.key());
      item.put(RATING, rating);
      item.put(NOT_APPLICABLE, ratings.containsKey(c.key()) && rating == null);
      items.add(item);
    }
    return items;
  }

  /** e.g. "Correctness (1-5, critical)". */
  static String label(QaCategory c) {
    return c.name() + " (" + c.min() + "-" + c.max() + (c.critical() ? ", critical" : "") + ")";
  }

  /**
   * The ratings of a submitted list by category key, {@code null} for N/A; every category appears
   * once.
   *
   * @throws InvalidDataException naming every bad item field: an unknown or repeated category, a
   *     rating that is not a whole number on the category's scale, a rating together with N/A, no
   *     rating and no N/A, and every category of the scorecard the list leaves out
   */
  static Map<String, Integer> parse(Object submitted, QaScorecard scorecard) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Integer> ratings = new LinkedHashMap<>();
    if (!(submitted instanceof List<?> items)) {
      throw new InvalidDataException(
          "The audit has invalid ratings",
          List.of(FieldError.field(FIELD, "must list a rating or N/A for every category")));
    }
    for (int i = 0; i < items.size(); i++) {
      String at = FIELD + "[" + i + "]";
      if (!(items.get(i) instanceof Map<?, ?> item)) {
        errors.add(FieldError.field(at, "must be an object"));
        continue;
      }
      Object key = item.get(CATEGORY);
      Optional<QaCategory> category =
          key instanceof String text ? scorecard.category(text) : Optional.empty();
      if (category.isEmpty()) {
        errors.add(
            FieldError.field(
                at + "." + CATEGORY,
                "'"
                    + key
                    + "' is not a category of this scorecard; categories: "
                    + scorecard.categories().stream().map(QaCategory::key).toList()));
        continue;
      }
      QaCategory c = category.get();
      if (ratings.containsKey(c.key())) {
        errors.add(FieldError.field(at + "." + CATEGORY, "'" + c.key() + "' is rated twice"));
        continue;
      }
      boolean notApplicable = Boolean.TRUE.equals(item.get(NOT_APPLICABLE));
      Object rating = item.get(RATING);
      String scale = "a whole number from " + c.min() + " to " + c.max() + " (" + c.name() + ")";
      if (notApplicable) {
        if (rating != null) {
          errors.add(
              FieldError.field(
                  at + "." + RATING, "must be empty when " + c.name() + " is marked N/A"));
        } else {
          ratings.put(c.key(), null);
        }
      } else if (rating == null) {
        errors.add(FieldError.field(at + "." + RATING, "must be " + scale + ", or mark it N/A"));
      } else if (!(rating instanceof Number n)
          || n.doubleValue() != Math.rint(n.doubleValue())
          || n.doubleValue() < c.min()
          || n.doubleValue() > c.max()) {
        errors.add(FieldError.field(at + "." + RATING, "must be " + scale));
      } else {
        ratings.put(c.key(), n.intValue());
      }
    }
    for (QaCategory c : scorecard.categories()) {
      if (!ratings.containsKey(c.key())
          && errors.stream().noneMatch(e -> mentions(e, items, c.key()))) {
        errors.add(
            FieldError.field(
                FIELD, "'" + c.key() + "' (" + c.name() + ") is missing: rate it or mark it N/A"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The audit has invalid ratings", errors);
    }
    return ratings;
  }

  /** Whether an error already concerns the item of that category (so it is not also "missing"). */
  private static boolean mentions(FieldError error, List<?> items, String category) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof Map<?, ?> item
          && category.equals(item.get(CATEGORY))
          && error.field() != null
          && error.field().startsWith(FIELD + "[" + i + "]")) {
        return true;
      }
    }
    return false;
  }
}
