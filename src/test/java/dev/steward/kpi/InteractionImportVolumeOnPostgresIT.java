package dev.steward.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.support.Api;
import dev.steward.support.PostgresIntegrationTest;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A large file streamed over HTTP into PostgreSQL: the import succeeds, and the application's live
 * heap does not grow with the rows read (measured after a full GC at 10 % and at 95 % of the
 * upload, in this JVM, which runs the server too). The body is generated while it is sent; the test
 * never holds the file either.
 */
@PostgresIntegrationTest
class InteractionImportVolumeOnPostgresIT {

  static final int ROWS = 300_000;
  static final long MB = 1024 * 1024;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void threeHundredThousandRowsImportWithFlatMemory() throws Exception {
    Api api = new Api(port);
    TestWorld world = new TestWorld(api);
    String rm = world.user("iv-rm", "RELATIONSHIP_MANAGER", null);
    String vendor = world.vendor("IV", rm);
    GeneratedFile file = new GeneratedFile(ROWS);

    long started = System.nanoTime();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + port
                                + "/api/vendors/"
                                + vendor
                                + "/interactions"))
                    .timeout(Duration.ofMinutes(2))
                    .header("Authorization", Api.basic(rm, TestProperties.PASSWORD))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> file))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode summary = new ObjectMapper().readTree(response.body());
    assertThat(summary.path("received").asLong()).isEqualTo(ROWS);
    assertThat(summary.path("inserted").asLong()).isEqualTo(ROWS);
    assertThat(summary.path("replaced").asLong()).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from interaction where vendor_id = ?", Long.class, vendor))
        .isEqualTo(ROWS);
    assertThat(
            jdbc.queryForObject(
                "select sum(contacts) from interaction_daily_rollup where vendor_id = ?",
                Long.class,
                vendor))
        .isEqualTo(ROWS);
    long growth = file.heapAt95 - file.heapAt10;
    System.out.printf(
        "Imported %,d rows (%,d bytes) in %.1f s: %,.0f rows/s; live heap after GC at 10%% %d MB, at 95%% %d MB%n",
        ROWS, file.bytes, seconds, ROWS / seconds, file.heapAt10 / MB, file.heapAt95 / MB);
    // holding the 270,000 rows read in between would take far more than this (strings alone: ~30
    // MB)
    assertThat(growth)
        .as("live heap growth while the file streams through, in bytes")
        .isLessThan(24 * MB);
  }

  /** A valid interaction file generated row by row as it is read. */
  static final class GeneratedFile extends InputStream {

    private static final String[] CHANNELS = {"PHONE", "email", "Chat", "SOCIAL"};
    private static final String[] OFFSETS = {"Z", "+05:30", "-04:00", "+08:00"};
    private static final Instant START = Instant.parse("2026-07-01T00:00:00Z");

    private final int rows;
    private byte[] current =
        "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,wait_seconds,abandoned,csat,nps,ces\n"
            .getBytes(StandardCharsets.US_ASCII);
    private int at;
    private int next;
    long bytes;
    long heapAt10;
    long heapAt95;

    GeneratedFile(int rows) {
      this.rows = rows;
    }

    @Override
    public int read() {
      if (!fill()) {
        return -1;
      }
      bytes++;
      return current[at++];
    }

    /** Fills the buffer: the HTTP client sends what one read returns as one chunk. */
    @Override
    public int read(byte[] buffer, int offset, int length) {
      int n = 0;
      while (n < length && fill()) {
        int piece = Math.min(length - n, current.length - at);
        System.arraycopy(current, at, buffer, offset + n, piece);
        at += piece;
        n += piece;
      }
      bytes += n;
      return n == 0 && length > 0 ? -1 : n;
    }

    private boolean fill() {
      if (at < current.length) {
        return true;
      }
      if (next == rows) {
        return false;
      }
      if (next == rows / 10) {
        heapAt10 = liveHeap();
      } else if (next == rows * 95 / 100) {
        heapAt95 = liveHeap();
      }
      current = row(next++).getBytes(StandardCharsets.US_ASCII);
      at = 0;
      return true;
    }

    /**
     * Row i: a quarter of contacts, 400 agents, every channel, offsets, queues, surveys and
     * abandons.
     */
    private static String row(int i) {
      String offset = OFFSETS[i % OFFSETS.length];
      Instant started = START.plusSeconds(i * 25L);
      String local =
          started
              .atOffset(java.time.ZoneOffset.of(offset.equals("Z") ? "+00:00" : offset))
              .toLocalDateTime()
              .toString();
      boolean queued = i % 3 != 0;
      boolean abandoned = queued && i % 17 == 0;
      return "V-"
          + i
          + ",agent-"
          + (i % 400)
          + ","
          + CHANNELS[i % CHANNELS.length]
          + ","
          + local
          + offset
          + ","
          + (abandoned ? 0 : 60 + i % 900)
          + ","
          + (i % 4 != 0)
          + ","
          + (queued ? String.valueOf(i % 45) : "")
          + ","
          + (queued ? String.valueOf(abandoned) : "")
          + ","
          + (i % 5 == 0 ? "" : String.valueOf(1 + i % 5))
          + ","
          + (i % 7 == 0 ? "" : String.valueOf(i % 11))
          + ","
          + (i % 2 == 0 ? "" : String.valueOf(1 + i % 7))
          + "\n";
    }

    private static long liveHeap() {
      System.gc();
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
  }
}
