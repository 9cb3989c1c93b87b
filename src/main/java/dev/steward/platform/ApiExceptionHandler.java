package dev.steward.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem detail that says what is wrong and where; never a
 * stack trace or SQL text.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), List.of());
  }

  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail concurrentChange(OptimisticLockingException e) {
    return problem(
        HttpStatus.CONFLICT,
        "Conflict",
        "Someone else changed this at the same time; reload and try again",
        List.of());
  }

  /** A body past the size limit (RequestSizeLimitFilter), found while it was read. */
  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .header(HttpHeaders.CONNECTION, "close")
        .body(
            problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", e.getMessage(), List.of()));
  }

  @ExceptionHandler(InvalidDataException.class)
  ProblemDetail invalid(InvalidDataException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid data", e.getMessage(), e.errors());
  }

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage(), e.errors());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Bad request",
        "Parameter '" + e.getName() + "' has an invalid value",
        List.of(FieldError.field(e.getName(), "invalid value")));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this", List.of());
  }

  @ExceptionHandler(org.springframework.dao.ConcurrencyFailureException.class)
  ProblemDetail concurrentUpdate(org.springframework.dao.ConcurrencyFailureException e) {
    return concurrentChange(null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseUnavailable.isCause(e)) {
      // the database is stopped, restarting or killed our connection: 503, the client may retry
      return DatabaseUnavailable.response(e);
    }
    // a lost race, wrapped by the engine or a listener, is a conflict to retry, not our failure
    for (Throwable c = e.getCause(); c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof OptimisticLockingException
          || c instanceof org.springframework.dao.ConcurrencyFailureException) {
        log.info("Concurrent change: {}", c.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(concurrentChange(null));
      }
    }
    log.error("Unexpected error", e);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "Something went wrong on our side; it has been logged",
                List.of()));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail;
    List<FieldError> errors = List.of();
    Throwable cause = ex.getMostSpecificCause();
    for (Throwable c = ex; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof PayloadTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
            .body(
                problem(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "Payload too large",
                    tooLarge.getMessage(),
                    List.of()));
      }
    }
    if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
      String path = path(unknown);
      detail = "Unknown property '" + path + "'";
      errors =
          List.of(
              FieldError.field(
                  path, "unknown property; allowed: " + unknown.getKnownPropertyIds()));
    } else if (ex.getCause() instanceof InvalidFormatException format) {
      String path = path(format);
      detail = "Property '" + path + "' has an invalid value";
      String allowed =
          format.getTargetType() != null && format.getTargetType().isEnum()
              ? "; allowed: "
                  + java.util.Arrays.stream(format.getTargetType().getEnumConstants())
                      .map(Object::toString)
                      .collect(Collectors.joining(", "))
              : "";
      errors =
          List.of(
              FieldError.field(
                  path, "cannot be read as " + format.getTargetType().getSimpleName() + allowed));
    } else if (ex.getCause() instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      String path = path(mismatch);
      detail = "Property '" + path + "' has the wrong type";
      errors = List.of(FieldError.field(path, "wrong type"));
    } else if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
      detail = "The request body is not valid JSON";
    } else {
      detail = "The request body is missing or unreadable";
    }
    // a known property with a value of the wrong type or outside its allowed set is well-formed but
    // invalid
    if (ex.getCause() instanceof MismatchedInputException
        && !(ex.getCause() instanceof UnrecognizedPropertyException)
        && !errors.isEmpty()) {
      return ResponseEntity.unprocessableEntity()
          .body(problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid data", detail, errors));
    }
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, "Bad request", detail, errors));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(f -> FieldError.field(f.getField(), f.getDefaultMessage()))
            .toList();
    return ResponseEntity.unprocessableEntity()
        .body(
            problem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "Invalid data",
                "The request has invalid data",
                errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            e ->
                                FieldError.field(
                                    r.getMethodParameter().getParameterName(),
                                    e.getDefaultMessage())))
            .toList();
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "Bad request",
                "The request has invalid parameters",
                errors));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  public static ProblemDetail problem(
      HttpStatus status, String title, String detail, List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }
}
