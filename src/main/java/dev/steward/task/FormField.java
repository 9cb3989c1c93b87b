package dev.steward.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One input of a task's Camunda Form: {@code type} is the form component type (textfield, textarea,
 * number, checkbox, select, radio, checklist, taglist, datetime).
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
    Double max) {

  public record Option(String value, String label) {}
}
