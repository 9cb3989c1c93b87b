package dev.steward.dashboard;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** How long each section of a dashboard page took to read, for the Server-Timing header. */
final class Timings {

  private final Map<String, Long> nanos = new LinkedHashMap<>();

  <T> T time(String section, Supplier<T> read) {
    long started = System.nanoTime();
    try {
      return read.get();
    } finally {
      nanos.merge(section, System.nanoTime() - started, Long::sum);
    }
  }

  /** {@code vendors;dur=1.2, scores;dur=3.4, ...} */
  String header() {
    return nanos.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s;dur=%.1f", e.getKey(), e.getValue() / 1e6))
        .collect(Collectors.joining(", "));
  }
}
