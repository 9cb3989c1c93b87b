package dev.steward.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The size limit of request bodies on {@code /api} (operations.md): a JSON body above {@code
 * steward.limits.json-body} (1 MB) and a CSV import above {@code steward.limits.csv-body} (256 MB)
 * are refused with 413 and a problem detail. A declared Content-Length above the limit is refused
 * before anything is read; a body without one (chunked) is counted while it is read and the request
 * fails with 413 once it passes the limit, so nothing is stored (the request's transaction rolls
 * back). Runs before Spring Security, so an oversized body costs no password check either.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

  @Configuration
  static class Registration {
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(
        ObjectMapper objectMapper,
        @Value("${steward.limits.json-body:1MB}") DataSize jsonLimit,
        @Value("${steward.limits.csv-body:256MB}") DataSize csvLimit) {
      var registration =
          new FilterRegistrationBean<>(
              new RequestSizeLimitFilter(objectMapper, jsonLimit, csvLimit));
      registration.addUrlPatterns("/api/*");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      return registration;
    }
  }

  private final ObjectMapper objectMapper;
  private final long jsonLimit;
  private final long csvLimit;

  RequestSizeLimitFilter(ObjectMapper objectMapper, DataSize jsonLimit, DataSize csvLimit) {
    this.objectMapper = objectMapper;
    this.jsonLimit = jsonLimit.toBytes();
    this.csvLimit = csvLimit.toBytes();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    long limit =
        contentType != null && contentType.toLowerCase().startsWith("text/csv")
            ? csvLimit
            : jsonLimit;
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      // the client may still be sending: tell it to stop instead of reading what it sends
      response.setHeader("Connection", "close");
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      objectMapper.writeValue(
          response.getOutputStream(),
          ApiExceptionHandler.problem(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "Payload too large",
              "The request body is larger than the limit of " + limit + " bytes",
              List.of()));
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  /** Counts what the application reads and stops at the limit. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    CountingStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
