package dev.steward.platform;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A typed process variable: the only way code reads or writes a variable, so no variable is ever
 * read by a bare string (house style point 4).
 *
 * @param name the variable's name in the engine
 * @param type the Java type it holds
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public ProcessVariable {
    Objects.requireNonNull(name);
    Objects.requireNonNull(type);
  }

  public static ProcessVariable<String> stringVariable(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Boolean> booleanVariable(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Date> dateVariable(String name) {
    return new ProcessVariable<>(name, Date.class);
  }

  public static ProcessVariable<Long> longVariable(String name) {
    return new ProcessVariable<>(name, Long.class);
  }

  public static ProcessVariable<Integer> integerVariable(String name) {
    return new ProcessVariable<>(name, Integer.class);
  }

  public static ProcessVariable<Double> doubleVariable(String name) {
    return new ProcessVariable<>(name, Double.class);
  }

  /**
   * A list of strings (e.g. a multi-instance collection of ids), stored as JSON through Camunda
   * Spin: Java serialization is off.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static ProcessVariable<List<String>> stringListVariable(String name) {
    return new ProcessVariable<>(name, (Class) List.class);
  }

  /** The value in the scope, or {@code null} if it is not set. */
  public T from(VariableScope scope) {
    return cast(scope.getVariable(name));
  }

  /** The value in the scope; fails if it is not set. */
  public T requiredFrom(VariableScope scope) {
    T value = from(scope);
    if (value == null) {
      throw new IllegalStateException("Process variable '" + name + "' is not set");
    }
    return value;
  }

  /** The value in a plain map of variables (e.g. a task's variables), or {@code null}. */
  public T from(Map<String, Object> variables) {
    return cast(variables.get(name));
  }

  public void on(VariableScope scope, T value) {
    scope.setVariable(name, engineValue(value));
  }

  public void on(VariableMap variables, T value) {
    variables.putValue(name, engineValue(value));
  }

  /** The value as the engine stores it: lists as JSON objects, everything else as it is. */
  public Object engineValue(T value) {
    if (value instanceof List<?> list) {
      return Variables.objectValue(new ArrayList<>(list))
          .serializationDataFormat(Variables.SerializationDataFormats.JSON)
          .create();
    }
    return value;
  }

  private T cast(Object value) {
    if (value == null) {
      return null;
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "Process variable '"
              + name
              + "' holds a "
              + value.getClass().getSimpleName()
              + ", expected "
              + type.getSimpleName());
    }
    return type.cast(value);
  }
}
