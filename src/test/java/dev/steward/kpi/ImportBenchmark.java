package dev.steward.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.support.BenchPostgres;
import dev.steward.support.BenchResults;
import dev.steward.support.TestProperties;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The import and scorecard benchmark of issue 3, against the embedded PostgreSQL: {@code ./mvnw
 * -Pbench verify} (sizes with {@code -Dbench.sizes=1000000,10000000}). Every figure is a ratio to a
 * baseline measured in the same run on the same machine: the import against a raw {@code COPY} of
 * the same file into an unindexed table, the scorecard (from rollups) against one hand-written SQL
 * aggregate over the raw rows. Prints a table and writes {@code target/bench/results.json}. It
 * asserts only that the work was done, never a speed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      TestProperties.NO_DEMO,
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD
    })
@ContextConfiguration(initializers = BenchPostgres.class)
class ImportBenchmark {

  private static final String HEADER =
      "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,wait_seconds,abandoned,csat,nps,ces";
  private static final String[] CHANNELS = {"PHONE", "EMAIL", "CHAT", "SOCIAL"};
  private static final Instant QUARTER_START = Instant.parse("2026-07-01T00:00:00Z");
  private static final long QUARTER_SECONDS = 92L * 24 * 3600;
  private static final StewardPrincipal BENCH =
      new StewardPrincipal("bench", "Benchmark", Set.of(Role.ADMIN), null);

  @Autowired InteractionImport interactionImport;
  @Autowired ScorecardService scorecards;
  @Autowired KpiQueries kpiQueries;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void importAndScorecardAgainstTheirBaselines() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "bench"));
    List<Map<String, Object>> runs = new ArrayList<>();
    for (long rows : sizes()) {
      Path file = dir.resolve("interactions-" + rows + ".csv");
      generate(file, rows);
      long bytes = Files.size(file);

      double copySeconds = rawCopy(file);
      String vendor = newVendor();
      HeapPeak heap = new HeapPeak();
      long start = System.nanoTime();
      ImportSummary summary;
      try (InputStream in = Files.newInputStream(file)) {
        summary = heap.during(() -> interactionImport.importCsv(vendor, in, BENCH));
      }
      double importSeconds = (System.nanoTime() - start) / 1e9;
      assertThat(summary.received()).isEqualTo(rows);

      double scorecardMs = median(21, 5, () -> scorecards.scorecard(vendor, "2026-Q3", BENCH));
      double rawSqlMs = median(5, 1, () -> kpiQueries.fromRaw(vendor, Period.parse("2026-Q3"), 20));

      Map<String, Object> run = new LinkedHashMap<>();
      run.put("rows", rows);
      run.put("fileMegabytes", round(bytes / 1e6));
      run.put("rawCopySeconds", round(copySeconds));
      run.put("rawCopyRowsPerSecond", Math.round(rows / copySeconds));
      run.put("importSeconds", round(importSeconds));
      run.put("importRowsPerSecond", Math.round(rows / importSeconds));
      run.put("importToRawCopyRatio", round(copySeconds / importSeconds));
      run.put("scorecardMedianMillis", round(scorecardMs));
      run.put("rawSqlAggregateMedianMillis", round(rawSqlMs));
      run.put("scorecardToRawSqlRatio", round(scorecardMs / rawSqlMs));
      run.put("peakHeapMegabytesDuringImport", round(heap.peakBytes() / 1e6));
      run.put("maxHeapMegabytes", round(Runtime.getRuntime().maxMemory() / 1e6));
      runs.add(run);
      Files.delete(file);
      jdbc.execute("drop table if exists bench_raw_copy");
    }

    Map<String, Object> results = new LinkedHashMap<>();
    results.put("database", jdbc.queryForObject("select version()", String.class));
    results.put("runs", runs);
    Path json = BenchResults.write("import", results);
    print(runs);
    System.out.println("written: " + json.toAbsolutePath());
    assertThat(json).exists();
  }

  private static List<Long> sizes() {
    return Arrays.stream(System.getProperty("bench.sizes", "1000000,10000000").split(","))
        .map(String::trim)
        .map(Long::parseLong)
        .toList();
  }

  /**
   * A deterministic file of one quarter's contacts: 400 agents, realistic mixes of channels, queues
   * and surveys.
   */
  static void generate(Path file, long rows) throws IOException {
    SplittableRandom random = new SplittableRandom(rows);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      StringBuilder line = new StringBuilder(128);
      for (long i = 0; i < rows; i++) {
        line.setLength(0);
        String channel = CHANNELS[random.nextInt(10) < 6 ? 0 : random.nextInt(4)];
        boolean queued = !channel.equals("EMAIL");
        boolean abandoned = queued && random.nextInt(100) < 6;
        line.append("c-")
            .append(i)
            .append(',')
            .append("agent-")
            .append(random.nextInt(400))
            .append(',')
            .append(channel)
            .append(',')
            .append(QUARTER_START.plusSeconds(random.nextLong(QUARTER_SECONDS)))
            .append(',')
            .append(abandoned ? 0 : 60 + random.nextInt(900))
            .append(',')
            .append(!abandoned && random.nextInt(100) < 72)
            .append(',')
            .append(queued ? Integer.toString(random.nextInt(120)) : "")
            .append(',')
            .append(abandoned)
            .append(',')
            .append(
                !abandoned && random.nextInt(100) < 30
                    ? Integer.toString(1 + random.nextInt(5))
                    : "")
            .append(',')
            .append(
                !abandoned && random.nextInt(100) < 20 ? Integer.toString(random.nextInt(11)) : "")
            .append(',')
            .append(
                !abandoned && random.nextInt(100) < 15
                    ? Integer.toString(1 + random.nextInt(7))
                    : "")
            .append('\n');
        out.append(line);
      }
    }
  }

  /**
   * The database's limit: the same bytes COPYed into a typed table without any index or constraint.
   */
  private double rawCopy(Path file) throws Exception {
    jdbc.execute("drop table if exists bench_raw_copy");
    jdbc.execute(
        """
        create table bench_raw_copy (interaction_id varchar(64), agent_id varchar(64), channel varchar(8),
            started_at timestamp with time zone, handle_seconds integer, first_contact_resolved boolean,
            wait_seconds integer, abandoned boolean, csat smallint, nps smallint, ces smallint)
        """);
    try (Connection connection = dataSource.getConnection();
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long start = System.nanoTime();
      long copied =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("copy bench_raw_copy from stdin with (format csv, header true)", reader);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(copied).isPositive();
      return seconds;
    }
  }

  private String newVendor() {
    String id = UUID.randomUUID().toString();
    jdbc.update(
        """
        insert into vendor (id, code, name, delivery_model, team_model, involvement, time_zone, business_hours_start,
            business_hours_end, business_days, lifecycle_phase, created_at, created_by, version)
        values (?, ?, 'Benchmark vendor', 'OFFSHORE', 'DEDICATED', 'PARTIAL', 'Asia/Manila', time '08:00:00',
            time '18:00:00', 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', 'OPERATING', current_timestamp, 'bench', 0)
        """,
        id,
        "BENCH-" + id.substring(0, 8));
    return id;
  }

  private static double median(int calls, int warmups, Supplier<?> call) {
    for (int i = 0; i < warmups; i++) {
      call.get();
    }
    double[] millis = new double[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      assertThat(call.get()).isNotNull();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[calls / 2];
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static void print(List<Map<String, Object>> runs) {
    System.out.println();
    System.out.printf(
        "%12s %10s %14s %14s %8s %12s %12s %8s %12s%n",
        "rows",
        "file MB",
        "COPY rows/s",
        "import rows/s",
        "ratio",
        "scorecard ms",
        "raw SQL ms",
        "ratio",
        "peak heap MB");
    for (Map<String, Object> r : runs) {
      System.out.printf(
          "%12s %10s %14s %14s %8s %12s %12s %8s %12s%n",
          r.get("rows"),
          r.get("fileMegabytes"),
          r.get("rawCopyRowsPerSecond"),
          r.get("importRowsPerSecond"),
          r.get("importToRawCopyRatio"),
          r.get("scorecardMedianMillis"),
          r.get("rawSqlAggregateMedianMillis"),
          r.get("scorecardToRawSqlRatio"),
          r.get("peakHeapMegabytesDuringImport"));
    }
    System.out.println();
  }

  /**
   * Samples the used heap every 10 ms while a piece of work runs; the peak is what the work needed
   * at most.
   */
  static final class HeapPeak {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();

    <T> T during(Supplier<T> work) {
      System.gc();
      Thread sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
      try {
        return work.get();
      } finally {
        sampler.interrupt();
      }
    }

    long peakBytes() {
      return peak.get();
    }
  }
}
