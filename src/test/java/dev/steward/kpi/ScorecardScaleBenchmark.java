package dev.steward.kpi;

import static dev.steward.support.BenchResults.percentile;
import static dev.steward.support.BenchResults.round;
import static dev.steward.support.BenchResults.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.Api;
import dev.steward.support.BenchPostgres;
import dev.steward.support.BenchResults;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Server time of the vendor's read pages as its interactions grow ({@code
 * -Dbench.interactions=1000000,20000000}): one vendor's quarter of contacts, seeded at database
 * speed (one {@code INSERT ... SELECT generate_series} per million rows, then the rollups rebuilt
 * as an import leaves them), one vendor per size, then every URL of {@link #URLS} timed over HTTP
 * as an RM (p50/p95 of 100 calls after 20 warm-ups); at the end all sizes again, call by call side
 * by side, so that the noise of a shared machine hits them alike. Extend {@link #URLS} (or pass
 * {@code -Dbench.urls=/a/{vendor},...}) to time more pages. It asserts only that the work was done.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestProperties.NO_DEMO,
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD,
      TestProperties.COOKIES_OVER_HTTP,
      "steward.bench=scale"
    })
@ContextConfiguration(initializers = BenchPostgres.class)
class ScorecardScaleBenchmark {

  /** The URLs timed at every size; {vendor} is the vendor's id. */
  static final List<String> URLS =
      List.of(
          "/api/vendors/{vendor}/scorecard?period=2026-Q3",
          "/dashboard",
          "/dashboard/vendors/{vendor}");

  private static final long CHUNK = 1_000_000;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired InteractionRollups rollups;
  @Autowired ScorecardStore store;
  @Autowired PlatformTransactionManager transactionManager;
  private static Api.Session session;

  @Test
  void scorecardServerTimeAsInteractionsGrow() {
    Api api = new Api(port);
    TestWorld world = new TestWorld(api);
    String rm = world.user("rm", "RELATIONSHIP_MANAGER", null);
    String firstVendor = world.vendor("SCALE", rm);
    // the dashboard's pages are read in a browser session of an executive
    session = api.signIn(world.user("exec", "EXECUTIVE", null));
    List<String> urls = new ArrayList<>(URLS);
    String extra = System.getProperty("bench.urls", "");
    for (String url : extra.split(",")) {
      if (!url.isBlank()) {
        urls.add(url.trim());
      }
    }

    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> vendors = new ArrayList<>();
    List<Long> sizes = BenchResults.sizes("bench.interactions", "1000000,20000000");
    for (long size : sizes) {
      // each size is its own vendor, so the sizes can be timed side by side at the end
      String vendor = size == sizes.get(0) ? firstVendor : world.vendor("SCALE" + size, rm);
      vendors.add(vendor);
      long start = System.nanoTime();
      for (long from = 0; from < size; from += CHUNK) {
        seed(vendor, from, Math.min(size, from + CHUNK));
      }
      new TransactionTemplate(transactionManager)
          .executeWithoutResult(tx -> rollups.rebuild(vendor, store.lockVendor(vendor)));
      jdbc.execute("vacuum analyze interaction");
      jdbc.execute("vacuum analyze interaction_daily_rollup");
      double seedSeconds = (System.nanoTime() - start) / 1e9;
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from interaction where vendor_id = ?", Long.class, vendor))
          .isEqualTo(size);
      long total = jdbc.queryForObject("select count(*) from interaction", Long.class);
      for (String template : urls) {
        double[] millis = time(api, rm, template.replace("{vendor}", vendor), 100, 20);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("vendorInteractions", size);
        r.put("databaseInteractions", total);
        r.put("url", template);
        r.put("p50Millis", round(percentile(millis, 50)));
        r.put("p95Millis", round(percentile(millis, 95)));
        r.put("seedSeconds", round(seedSeconds));
        rows.add(r);
      }
    }
    // the same calls side by side, every size in turn: the machine's noise hits all sizes alike
    List<Map<String, Object>> sideBySide = new ArrayList<>();
    for (String template : urls) {
      List<double[]> samples = new ArrayList<>();
      for (int i = 0; i < vendors.size(); i++) {
        samples.add(new double[100]);
      }
      for (int call = 0; call < 100; call++) {
        for (int i = 0; i < vendors.size(); i++) {
          samples.get(i)[call] =
              time(api, rm, template.replace("{vendor}", vendors.get(i)), 1, 0)[0];
        }
      }
      for (int i = 0; i < vendors.size(); i++) {
        double[] sorted = samples.get(i).clone();
        java.util.Arrays.sort(sorted);
        double[] smallest = samples.get(0).clone();
        java.util.Arrays.sort(smallest);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("vendorInteractions", sizes.get(i));
        r.put("url", template);
        r.put("p50Millis", round(percentile(sorted, 50)));
        r.put("p95Millis", round(percentile(sorted, 95)));
        r.put("p95RatioToSmallest", round(percentile(sorted, 95) / percentile(smallest, 95)));
        sideBySide.add(r);
      }
    }
    BenchResults.print("Scorecard server time, after each size was seeded", rows);
    BenchResults.print(
        "Scorecard server time, sizes side by side (goal p95 ratio <= 1.2)", sideBySide);
    BenchResults.write(
        "scorecardScale", row("afterSeeding", rows, "sideBySide", sideBySide, "urls", urls));
  }

  private static double[] time(Api api, String user, String url, int calls, int warmups) {
    return BenchResults.latencies(
        calls,
        warmups,
        () -> {
          Api.Response response =
              url.startsWith("/dashboard")
                  ? api.send(null, "GET", url, null, null, session.headers())
                  : api.get(user, url);
          assertThat(response.status()).as(url).isEqualTo(200);
          return response;
        });
  }

  /** Rows {@code from} (inclusive) to {@code to} of one quarter of contacts, 400 agents. */
  private void seed(String vendor, long from, long to) {
    jdbc.update(
        """
        insert into interaction (vendor_id, interaction_id, agent_id, channel, started_at, started_day,
            handle_seconds, first_contact_resolved, wait_seconds, abandoned, csat, nps, ces)
        select ?, 'c-' || g, 'agent-' || (h % 400), (array['PHONE','PHONE','PHONE','EMAIL','CHAT','SOCIAL'])[1 + h % 6],
            t, (t at time zone 'UTC')::date, case when h % 100 < 6 then 0 else 60 + h % 900 end,
            h % 100 between 6 and 77, case when h % 6 = 3 then null else h % 120 end, h % 100 < 6,
            case when h % 10 < 3 then 1 + h % 5 end, case when h % 5 = 0 then h % 11 end,
            case when h % 7 = 0 then 1 + h % 7 end
        from generate_series(?::bigint, ?::bigint) g,
            lateral (select (g * 2654435761) % 1000003 as h) hh,
            lateral (select timestamptz '2026-07-01 00:00:00+00' + ((g * 7919) % 7948800) * interval '1 second' as t) tt
        """,
        vendor, from, to - 1);
  }
}
