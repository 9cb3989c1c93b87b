package dev.steward.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.platform.BadRequestException;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads the input fields of a Camunda Form (the JSON deployed beside the BPMN) and checks a
 * completion against them, so the API enforces exactly what Tasklist enforces.
 */
@Component
class CamundaForms {

  private static final Set<String> INPUT_TYPES =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "checkbox",
          "select",
          "radio",
          "checklist",
          "taglist",
          "datetime");

  private final ObjectMapper objectMapper;

  CamundaForms(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  List<FormField> fields(InputStream formJson) {
    try (formJson) {
      JsonNode root = objectMapper.readTree(formJson);
      List<FormField> fields = new ArrayList<>();
      collect(root.path("components"), fields);
      return fields;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the task's form", e);
    }
  }

  private void collect(JsonNode components, List<FormField> into) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (type.equals("dynamiclist") && component.hasNonNull("path")) {
        List<FormField> itemFields = new ArrayList<>();
        collect(component.path("components"), itemFields);
        String key = component.path("path").asText();
        into.add(
            new FormField(
                key,
                component.path("label").asText(key),
                type,
                false,
                null,
                null,
                null,
                null,
                null,
                List.copyOf(itemFields)));
        continue;
      }
      if (component.has("components")) {
        collect(component.path("components"), into); // groups and dynamic lists nest their inputs
      }
      if (!INPUT_TYPES.contains(type) || !component.hasNonNull("key")) {
        continue;
      }
      JsonNode validate = component.path("validate");
      List<FormField.Option> options = null;
      if (component.has("values")) {
        options = new ArrayList<>();
        for (JsonNode value : component.path("values")) {
          options.add(
              new FormField.Option(value.path("value").asText(), value.path("label").asText()));
        }
      }
      into.add(
          new FormField(
              component.path("key").asText(),
              component.path("label").asText(component.path("key").asText()),
              type,
              validate.path("required").asBoolean(false),
              options,
              validate.has("minLength") ? validate.path("minLength").asInt() : null,
              validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
              validate.has("min") ? validate.path("min").asDouble() : null,
              validate.has("max") ? validate.path("max").asDouble() : null,
              null));
    }
  }

  /**
   * Checks the submitted values against the form and returns them as process variables, one for
   * every field of the form (an empty optional field as {@code null}, as Tasklist submits it).
   * Unknown fields are a malformed request (400); missing or invalid values are invalid data (422),
   * every one of them reported.
   */
  Map<String, Object> validate(List<FormField> fields, Map<String, Object> submitted) {
    Map<String, FormField> byKey = new LinkedHashMap<>();
    fields.forEach(f -> byKey.put(f.key(), f));
    List<FieldError> unknown =
        submitted.keySet().stream()
            .filter(k -> !byKey.containsKey(k))
            .map(
                k ->
                    FieldError.field(
                        k, "not a field of this task's form; fields: " + byKey.keySet()))
            .toList();
    if (!unknown.isEmpty()) {
      throw new BadRequestException(
          "The request names fields the task's form does not have", unknown);
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> variables = check(fields, submitted, "", errors);
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The task's form has invalid values", errors);
    }
    return variables;
  }

  private static Map<String, Object> check(
      List<FormField> fields, Map<?, ?> submitted, String prefix, List<FieldError> errors) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (FormField field : fields) {
      String name = prefix + field.key();
      Object value = submitted.get(field.key());
      if (value == null || (value instanceof String s && s.isBlank())) {
        if (field.required()) {
          errors.add(FieldError.field(name, "is required"));
        } else {
          // an empty optional field clears what an earlier pass through the same form left in the
          // process
          variables.put(field.key(), null);
        }
        continue;
      }
      if (field.isList()) {
        Object list = checkList(field, value, name, errors);
        if (list != null) {
          variables.put(field.key(), list);
        }
        continue;
      }
      String problem = check(field, value);
      if (problem != null) {
        errors.add(FieldError.field(name, problem));
      } else {
        variables.put(field.key(), asVariable(field, value));
      }
    }
    return variables;
  }

  /**
   * A dynamic list: every item is an object with the item fields only; the list becomes a JSON
   * process variable (a list of maps), never a serialized Java object.
   */
  private static Object checkList(
      FormField field, Object value, String name, List<FieldError> errors) {
    if (!(value instanceof List<?> items)) {
      errors.add(FieldError.field(name, "must be a list of objects"));
      return null;
    }
    Set<String> itemKeys = new java.util.HashSet<>();
    field.itemFields().forEach(f -> itemKeys.add(f.key()));
    List<Map<String, Object>> checked = new ArrayList<>();
    int before = errors.size();
    for (int i = 0; i < items.size(); i++) {
      String itemName = name + "[" + i + "]";
      if (!(items.get(i) instanceof Map<?, ?> item)) {
        errors.add(FieldError.field(itemName, "must be an object"));
        continue;
      }
      for (Object key : item.keySet()) {
        if (!itemKeys.contains(String.valueOf(key))) {
          errors.add(
              FieldError.field(
                  itemName + "." + key, "not a field of this list's items; fields: " + itemKeys));
        }
      }
      checked.add(check(field.itemFields(), item, itemName + ".", errors));
    }
    if (errors.size() > before) {
      return null;
    }
    return Variables.objectValue(new ArrayList<>(checked))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }

  private static String check(FormField field, Object value) {
    switch (field.type()) {
      case "number" -> {
        if (!(value instanceof Number n)) {
          return "must be a number";
        }
        if (field.min() != null && n.doubleValue() < field.min()) {
          return "must be at least " + field.min();
        }
        if (field.max() != null && n.doubleValue() > field.max()) {
          return "must be at most " + field.max();
        }
        return null;
      }
      case "checkbox" -> {
        return value instanceof Boolean ? null : "must be true or false";
      }
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> values)
            || !values.stream().allMatch(String.class::isInstance)) {
          return "must be a list of strings";
        }
        if (field.options() != null) {
          for (Object v : values) {
            if (field.options().stream().noneMatch(o -> o.value().equals(v))) {
              return "'" + v + "' is not one of " + optionValues(field);
            }
          }
        }
        return null;
      }
      default -> {
        if (!(value instanceof String text)) {
          return "must be text";
        }
        if (field.options() != null
            && field.options().stream().noneMatch(o -> o.value().equals(text))) {
          return "must be one of " + optionValues(field);
        }
        if (field.minLength() != null && text.length() < field.minLength()) {
          return "must have at least " + field.minLength() + " characters";
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
          return "must have at most " + field.maxLength() + " characters";
        }
        return null;
      }
    }
  }

  private static List<String> optionValues(FormField field) {
    return field.options().stream().map(FormField.Option::value).toList();
  }

  /** Lists become comma-separated text: process variables never hold serialized Java objects. */
  private static Object asVariable(FormField field, Object value) {
    if (value instanceof Number n && field.type().equals("number")) {
      return number(n);
    }
    if (value instanceof Collection<?> values) {
      return String.join(",", values.stream().map(String::valueOf).toList());
    }
    return value;
  }

  private static Object number(Number n) {
    double d = n.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) n.longValue() : (Object) d;
  }
}
