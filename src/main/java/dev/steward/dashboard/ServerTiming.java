package dev.steward.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Measures the dashboard pages' server time: the time to gather the data (queries and computation,
 * recorded by the controller) and the whole request including the Thymeleaf rendering. Both are
 * logged and sent as a {@code Server-Timing} header ({@code data;dur=12.3, total;dur=20.1}), which
 * browsers show in their developer tools. The page body is buffered (a few tens of kilobytes) so
 * the header can carry the total.
 */
@Configuration
class ServerTiming {

  private static final Logger log = LoggerFactory.getLogger(ServerTiming.class);
  private static final String DATA_NANOS = ServerTiming.class.getName() + ".data";
  private static final String SECTIONS = ServerTiming.class.getName() + ".sections";

  /** Records the data time of this request and returns it in whole milliseconds. */
  static long recordData(HttpServletRequest request, long startedNanos, Timings sections) {
    long nanos = System.nanoTime() - startedNanos;
    request.setAttribute(DATA_NANOS, nanos);
    request.setAttribute(SECTIONS, sections);
    return Math.max(0, Math.round(nanos / 1_000_000.0));
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> dashboardServerTiming() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new TimingFilter());
    registration.addUrlPatterns("/dashboard", "/dashboard/*");
    registration.setName("dashboardServerTiming");
    return registration;
  }

  static final class TimingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      long started = System.nanoTime();
      ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(request, buffered);
      } finally {
        double total = (System.nanoTime() - started) / 1_000_000.0;
        Object data = request.getAttribute(DATA_NANOS);
        StringBuilder header = new StringBuilder();
        if (data instanceof Long nanos) {
          header.append(String.format(java.util.Locale.ROOT, "data;dur=%.1f, ", nanos / 1e6));
        }
        header.append(String.format(java.util.Locale.ROOT, "total;dur=%.1f", total));
        if (request.getAttribute(SECTIONS) instanceof Timings sections
            && !sections.header().isEmpty()) {
          header.append(", ").append(sections.header());
        }
        if (!buffered.isCommitted()) {
          buffered.setHeader("Server-Timing", header.toString());
        }
        if (data != null) {
          log.info(
              "{} {} answered {} in {} (Server-Timing)",
              request.getMethod(),
              request.getRequestURI(),
              buffered.getStatus(),
              header);
        }
        buffered.copyBodyToResponse();
      }
    }
  }
}
