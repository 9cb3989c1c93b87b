package dev.steward.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The values of a checklist field: the task API stores them as comma-separated text, Tasklist may
 * submit a JSON array.
 */
final class ChecklistValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChecklistValues() {}

  static List<String> of(Object value) {
    List<String> values = new ArrayList<>();
    if (value == null) {
      return values;
    }
    if (value instanceof Collection<?> collection) {
      collection.forEach(v -> values.add(String.valueOf(v).strip()));
      return values;
    }
    String text = value.toString().strip();
    if (text.startsWith("[")) {
      try {
        for (JsonNode item : JSON.readTree(text)) {
          values.add(item.asText().strip());
        }
        return values;
      } catch (JsonProcessingException e) {
        // not JSON after all: read it as text
      }
    }
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        values.add(part.strip());
      }
    }
    return values;
  }
}
