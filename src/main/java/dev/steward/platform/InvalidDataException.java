package dev.steward.platform;

import java.util.List;

/** 422: well-formed but invalid data; carries every error found, not just the first. */
public class InvalidDataException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidDataException(String message, List<FieldError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  public static InvalidDataException of(String field, String message) {
    return new InvalidDataException(
        "The request has invalid data", List.of(FieldError.field(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
