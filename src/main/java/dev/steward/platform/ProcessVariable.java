package dev.steward.platform;

import java.util.Date;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

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
    scope.setVariable(name, value);
  }

  public void on(VariableMap variables, T value) {
    variables.putValue(name, value);
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
