package dev.steward.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database is unreachable (stopped, restarting, the connection was killed): the request fails
 * fast with a 503 problem detail and a {@code Retry-After}, never a 500 or a hang. The pool waits
 * at most {@code spring.datasource.hikari.connection-timeout} for a connection. Requests that fail
 * while signing in (the password check reads the database) are answered here, before Spring
 * Security; failures inside a controller by {@link ApiExceptionHandler}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class DatabaseUnavailable extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
  static final String RETRY_AFTER_SECONDS = "5";
  static final String DETAIL = "The database is unavailable; try again in a few seconds";

  private final ObjectMapper json;

  DatabaseUnavailable(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!isCause(e) || response.isCommitted()) {
        throw e;
      }
      log.warn(
          "{} {}: database unavailable ({})",
          request.getMethod(),
          request.getRequestURI(),
          rootMessage(e));
      response.resetBuffer();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem());
    }
  }

  static ProblemDetail problem() {
    return ApiExceptionHandler.problem(
        HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", DETAIL, List.of());
  }

  static ResponseEntity<ProblemDetail> response(Exception e) {
    log.warn("Database unavailable ({})", rootMessage(e));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem());
  }

  /**
   * Whether the failure is the database being unreachable: no connection within the pool's timeout,
   * or a connection-class SQL state (08xxx, or 57P01-57P03: terminated by an administrator, the
   * server shutting down or starting up), wherever it is in the cause chain (Camunda wraps it in a
   * ProcessEngineException, Spring in a CannotCreateTransactionException).
   */
  static boolean isCause(Throwable e) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = e; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof CannotGetJdbcConnectionException
          || t instanceof CannotCreateTransactionException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
          return true;
        }
        // the pool closed a connection it found broken, and the rollback on it failed: the
        // rollback's
        // exception replaces the connection failure (Spring's TransactionTemplate logs the
        // original)
        if (state == null && "Connection is closed".equals(sql.getMessage())) {
          return true;
        }
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
