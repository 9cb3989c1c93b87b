package dev.steward.platform;

import static dev.steward.support.BenchResults.round;
import static dev.steward.support.BenchResults.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.BenchResults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Start-up of the packaged application as it ships (default profile: H2 file database, demo world),
 * in a child JVM ({@code java -Xmx512m -jar target/steward-*.jar}): the time Spring Boot reports in
 * its "Started ... in N seconds" line, first on an empty database (migrations, engine schema, demo
 * seeding), then again on the same database; and the heap the started application holds: the live
 * objects counted by {@code jcmd <pid> GC.class_histogram}, which runs a full GC first. It asserts
 * only that the application started.
 */
class StartupBenchmark {

  private static final Pattern STARTED =
      Pattern.compile(
          "Started StewardApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

  @Test
  void startUpTimeAndHeapOnTheDemoProfile() throws Exception {
    Path jar = jar();
    Path dir = Files.createDirectories(BenchResults.DIR.resolve("startup"));
    try (Stream<Path> old = Files.walk(dir)) {
      old.sorted(Comparator.reverseOrder())
          .filter(p -> !p.equals(dir))
          .forEach(p -> p.toFile().delete());
    }
    String url =
        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("steward") + ";DB_CLOSE_ON_EXIT=FALSE";
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(start(jar, url, "first start (empty database, demo seeded)"));
    rows.add(start(jar, url, "second start (same database)"));
    BenchResults.print("Start-up, demo profile (H2), child JVM -Xmx512m", rows);
    BenchResults.write("startup", rows);
    assertThat(rows).hasSize(2);
  }

  private static Map<String, Object> start(Path jar, String url, String label) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process app =
        new ProcessBuilder(
                java.toString(),
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.main.banner-mode=off")
            .redirectErrorStream(true)
            .start();
    try {
      double started = -1;
      double running = -1;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          Matcher m = STARTED.matcher(line);
          if (m.find()) {
            started = Double.parseDouble(m.group(1));
            running = Double.parseDouble(m.group(2));
            break;
          }
        }
        assertThat(started).as("the application printed its start line").isPositive();
        // keep draining the output so the child never blocks on a full pipe
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {}
                  } catch (IOException ignored) {
                    // the child ended
                  }
                });
        drain.setDaemon(true);
        drain.start();
        long liveBytes = liveHeap(app.pid());
        return row(
            "start",
            label,
            "startedInSeconds",
            started,
            "processRunningSeconds",
            running,
            "liveHeapAfterGcMegabytes",
            round(liveBytes / 1e6));
      }
    } finally {
      app.destroy();
      if (!app.waitFor(30, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
  }

  /** Bytes of live objects after a full GC, as the class histogram's total line reports them. */
  private static long liveHeap(long pid) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process histogram =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    String text = new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    histogram.waitFor(60, TimeUnit.SECONDS);
    Matcher total = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)").matcher(text);
    assertThat(total.find()).as(text).isTrue();
    return Long.parseLong(total.group(2));
  }

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("steward-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("no packaged jar: run ./mvnw -Pbench verify"));
    }
  }
}
