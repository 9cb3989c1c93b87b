package dev.steward.portal;

import dev.steward.platform.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field errors of a refused form, by the form field they belong to (a list item's error, e.g.
 * {@code agents[0].name}, belongs to {@code agents}), in the order the service reported them.
 */
public record FieldErrors(List<FieldError> all, Map<String, String> byField) {

  static final FieldErrors NONE = new FieldErrors(List.of(), Map.of());

  static FieldErrors of(List<FieldError> errors) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (FieldError e : errors) {
      if (e.field() == null) {
        continue;
      }
      byField.merge(root(e.field()), message(e), (a, b) -> a + "; " + b);
    }
    return new FieldErrors(List.copyOf(errors), byField);
  }

  private static String message(FieldError e) {
    String root = root(e.field());
    return root.equals(e.field()) ? e.message() : e.field() + ": " + e.message();
  }

  static String root(String field) {
    int cut = field.length();
    for (char c : new char[] {'[', '.'}) {
      int i = field.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    return field.substring(0, cut);
  }

  /** The form field a reported field belongs to, e.g. {@code agents} for {@code agents[0].name}. */
  public String anchor(String field) {
    return root(field);
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public String get(String field) {
    return byField.get(field);
  }
}
