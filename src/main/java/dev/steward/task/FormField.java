package dev.steward.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One input of a task's Camunda Form: {@code type} is the form component type (textfield, textarea,
 * number, checkbox, select, radio, checklist, taglist, datetime, dynamiclist). A {@code
 * dynamiclist} is a list of objects (e.g. one rating per QA category): its {@code itemFields}
 * describe one item.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormField(
    String key,
    String label,
    String type,
    boolean required,
    List<Option> options,
    Integer minLength,
    Integer maxLength,
    Double min,
    Double max,
    List<FormField> itemFields) {

  /** Whether the field holds a list of objects. */
  public boolean isList() {
    return "dynamiclist".equals(type);
  }

  public record Option(String value, String label) {}
}
