package dev.steward.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every benchmark writes: one section per benchmark in {@code target/bench/results.json}
 * (merged, so the benchmarks of one run share the file; {@code sectionMeasuredAt} says when each
 * section was written, since a section of an earlier run stays until its benchmark runs again), and
 * a table on standard output.
 */
public final class BenchResults {

  public static final Path DIR = Path.of("target", "bench");
  public static final Path FILE = DIR.resolve("results.json");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BenchResults() {}

  /** Adds (or replaces) one benchmark's section in the results file and returns the file. */
  public static synchronized Path write(String section, Object value) {
    try {
      Files.createDirectories(DIR);
      ObjectNode root =
          Files.exists(FILE) && Files.size(FILE) > 0
              ? (ObjectNode) JSON.readTree(FILE.toFile())
              : JSON.createObjectNode();
      root.put("measuredAt", Instant.now().toString());
      root.put("processors", Runtime.getRuntime().availableProcessors());
      root.put("maxHeapMegabytes", Math.round(Runtime.getRuntime().maxMemory() / 1e6));
      Map<String, String> postgres = BenchPostgres.reported();
      if (!postgres.isEmpty()) {
        root.set("postgres", JSON.valueToTree(postgres));
      }
      root.set(section, JSON.valueToTree(value));
      // the file collects sections across runs: when each was measured tells a stale one apart
      ObjectNode when =
          root.has("sectionMeasuredAt")
              ? (ObjectNode) root.get("sectionMeasuredAt")
              : root.putObject("sectionMeasuredAt");
      when.put(section, Instant.now().toString());
      JSON.writeValue(FILE.toFile(), root);
      return FILE;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints rows (maps with the same keys) as a table titled {@code title}. */
  public static void print(String title, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    int[] widths = columns.stream().mapToInt(String::length).toArray();
    for (Map<String, Object> row : rows) {
      for (int i = 0; i < columns.size(); i++) {
        widths[i] = Math.max(widths[i], String.valueOf(row.get(columns.get(i))).length());
      }
    }
    StringBuilder out = new StringBuilder("\n== ").append(title).append('\n');
    line(out, columns, widths);
    for (Map<String, Object> row : rows) {
      List<String> cells = columns.stream().map(c -> String.valueOf(row.get(c))).toList();
      line(out, cells, widths);
    }
    System.out.println(out);
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    out.append('|');
    for (int i = 0; i < cells.size(); i++) {
      out.append(' ').append(" ".repeat(widths[i] - cells.get(i).length())).append(cells.get(i));
      out.append(" |");
    }
    out.append('\n');
  }

  /** A map in insertion order from alternating keys and values. */
  public static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  public static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  /** Sizes from a system property: comma-separated numbers, or the default. */
  public static List<Long> sizes(String property, String defaults) {
    return Arrays.stream(System.getProperty(property, defaults).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Long::parseLong)
        .toList();
  }

  /** Latencies of {@code calls} calls after {@code warmups}, in milliseconds, sorted. */
  public static double[] latencies(int calls, int warmups, Supplier<?> call) {
    for (int i = 0; i < warmups; i++) {
      call.get();
    }
    double[] millis = new double[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      Object result = call.get();
      millis[i] = (System.nanoTime() - start) / 1e6;
      if (result == null) {
        throw new IllegalStateException("no result");
      }
    }
    Arrays.sort(millis);
    return millis;
  }

  /** The p-th percentile (0..100) of sorted values, nearest rank. */
  public static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
