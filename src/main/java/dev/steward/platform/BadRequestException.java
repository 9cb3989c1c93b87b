package dev.steward.platform;

import java.util.List;

/**
 * 400: the request itself is malformed (unreadable body, unknown property, bad parameter syntax).
 */
public class BadRequestException extends RuntimeException {

  private final List<FieldError> errors;

  public BadRequestException(String message, List<FieldError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  public BadRequestException(String message) {
    this(message, List.of());
  }

  public List<FieldError> errors() {
    return errors;
  }
}
