package dev.steward.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Java-serialized variables are refused with 400 and a problem detail on the engine REST API and
 * the webapps' copy of it (operations.md). The engine itself refuses them ({@code
 * java-serialization-format-enabled: false}), but its REST API reports that refusal as a 500; this
 * filter answers before the engine, for a body that names the format. A body that hides the name
 * (JSON unicode escapes) still meets the engine's refusal. Bodies are at most 16 MB here.
 */
class JavaSerializationGuard extends OncePerRequestFilter {

  static final String FORMAT = "x-java-serialized-object";
  private static final int MAX_BODY = 16 * 1024 * 1024;

  @Configuration
  static class Registration {
    @Bean
    FilterRegistrationBean<JavaSerializationGuard> javaSerializationGuard(
        ObjectMapper objectMapper) {
      var registration = new FilterRegistrationBean<>(new JavaSerializationGuard(objectMapper));
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
      // after Spring Security and Camunda's authentication: strangers still get 401/403 first
      registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
      return registration;
    }
  }

  private final ObjectMapper objectMapper;

  JavaSerializationGuard(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    String type = request.getContentType();
    // form posts (the webapps' login) are read as parameters by the container: left alone
    return !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))
        || (type != null
            && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "The body is too large");
      return;
    }
    String text =
        new String(body, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).replace("\\/", "/");
    if (text.contains(FORMAT)) {
      refuse(
          response,
          HttpStatus.BAD_REQUEST,
          "Bad request",
          "Java-serialized values are not accepted; send JSON (application/json)");
      return;
    }
    chain.doFilter(new Replayed(request, body), response);
  }

  private void refuse(HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(
        response.getOutputStream(), ApiExceptionHandler.problem(status, title, detail, List.of()));
  }

  /** The request with its body read once and handed on. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(
              getInputStream(),
              encoding == null
                  ? StandardCharsets.UTF_8
                  : java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
