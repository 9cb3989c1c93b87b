package dev.steward.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request: the field (or CSV line and column) and what is allowed there.
 * Serialised into the {@code errors} member of a problem detail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, Long line, String column, String message) {

  public static FieldError field(String field, String message) {
    return new FieldError(field, null, null, message);
  }

  public static FieldError line(long line, String column, String message) {
    return new FieldError(null, line, column, message);
  }
}
