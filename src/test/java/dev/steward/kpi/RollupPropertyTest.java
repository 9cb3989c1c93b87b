package dev.steward.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.support.EmbeddedPostgresServer;
import dev.steward.support.H2IntegrationTest;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The proof that scorecards read from rollups are exact (issue 3): for random interactions and
 * random periods, the KPI totals from the daily rollups equal the totals computed from the raw
 * rows, on H2 and on PostgreSQL, after a first load, after a second batch replaces some rows
 * (rollups refreshed for the old and the new days of every touched row), and after the
 * service-level threshold changes (rollups rebuilt).
 *
 * <p>The data is built to hit the edges: contacts on both sides of UTC midnight at month and
 * quarter ends (23:59:59.999, 23:59:59.999999, 00:00), written with offsets such as +05:30 or
 * -12:00 that put their local date on the other side of the boundary, surveys and queues left
 * empty, abandoned contacts with waits around the threshold. Plain JDBC on a schema migrated by
 * Flyway, no Spring context: each database is set up once. Generated with QuickTheories from a
 * fixed seed, so a failure is reproducible and shrunk to a small example.
 */
class RollupPropertyTest {

  private static final List<LocalDate> BOUNDARY_DAYS =
      List.of(
          LocalDate.parse("2026-03-31"),
          LocalDate.parse("2026-04-01"),
          LocalDate.parse("2026-06-30"),
          LocalDate.parse("2026-07-01"),
          LocalDate.parse("2026-07-31"),
          LocalDate.parse("2026-08-01"),
          LocalDate.parse("2026-09-30"),
          LocalDate.parse("2026-10-01"),
          LocalDate.parse("2026-12-31"),
          LocalDate.parse("2027-01-01"));

  private static final List<ZoneOffset> OFFSETS =
      List.of(
          ZoneOffset.UTC,
          ZoneOffset.of("+05:30"),
          ZoneOffset.of("-08:00"),
          ZoneOffset.of("+14:00"),
          ZoneOffset.of("-12:00"),
          ZoneOffset.of("+09:45"));

  private static Database h2;
  private static Database postgres;

  private static final int TRIES = 150;
  private static final Map<String, AtomicInteger> COVERAGE = new ConcurrentHashMap<>();

  @Test
  void rollupsEqualRawRowsOnH2() {
    qt().withFixedSeed(20261129L)
        .withExamples(TRIES)
        .forAll(scenarios())
        .checkAssert(s -> check(h2(), s));
  }

  @Test
  void rollupsEqualRawRowsOnPostgres() {
    qt().withFixedSeed(20261130L)
        .withExamples(TRIES)
        .forAll(scenarios())
        .checkAssert(s -> check(postgres(), s));
  }

  /** The generator must actually reach the edges the property is about. */
  @AfterAll
  static void theEdgesWereExercised() {
    assertThat(COVERAGE.keySet())
        .contains(
            "rows replaced",
            "local date differs from UTC date",
            "quarter in periods",
            "period has contacts");
  }

  private static void label(String what, boolean happened) {
    if (happened) {
      COVERAGE.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  private static void check(Database db, Scenario s) {
    String vendor = db.newVendor(s.threshold());

    db.insert(vendor, s.first());
    db.rollups().refresh(vendor, days(s.first()), s.threshold());
    assertSame(db, vendor, s.periods(), s.threshold(), "after the first batch");

    // the second batch replaces the rows whose ids it repeats: their old days change as well as the
    // new ones
    Set<LocalDate> touched = new HashSet<>(db.deleteAndReturnDays(vendor, s.second()));
    touched.addAll(days(s.second()));
    db.insert(vendor, s.second());
    db.rollups().refresh(vendor, touched, s.threshold());
    assertSame(db, vendor, s.periods(), s.threshold(), "after the second batch");

    db.rollups().rebuild(vendor, s.newThreshold());
    assertSame(
        db,
        vendor,
        s.periods(),
        s.newThreshold(),
        "after the threshold changed to " + s.newThreshold());

    Set<Integer> firstIds = s.first().stream().map(Contact::id).collect(Collectors.toSet());
    label("rows replaced", s.second().stream().anyMatch(c -> firstIds.contains(c.id())));
    label(
        "local date differs from UTC date",
        s.first().stream().anyMatch(c -> !c.startedAt().toLocalDate().equals(c.utcDay())));
    label("quarter in periods", s.periods().stream().anyMatch(Period::isQuarter));
  }

  private static void assertSame(
      Database db, String vendor, List<Period> periods, int threshold, String when) {
    for (Period period : periods) {
      KpiTotals raw = db.queries().fromRaw(vendor, period, threshold);
      assertThat(db.queries().fromRollups(vendor, period))
          .as("%s on %s, %s, T=%d", period, db.name(), when, threshold)
          .isEqualTo(raw);
      label("period has contacts", raw.contacts() > 0);
    }
  }

  private static Set<LocalDate> days(List<Contact> contacts) {
    return contacts.stream().map(Contact::utcDay).collect(Collectors.toSet());
  }

  // --- generators
  // --------------------------------------------------------------------------------------------

  /**
   * A generated contact; {@code id} is drawn from a small range so that a second batch repeats
   * some.
   */
  record Contact(
      int id,
      String agent,
      String channel,
      OffsetDateTime startedAt,
      int handleSeconds,
      boolean resolved,
      Integer waitSeconds,
      boolean abandoned,
      Integer csat,
      Integer nps,
      Integer ces) {

    LocalDate utcDay() {
      return startedAt.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
  }

  record Scenario(
      int threshold,
      int newThreshold,
      List<Contact> first,
      List<Contact> second,
      List<Period> periods) {}

  private record Queue(Integer waitSeconds, boolean abandoned) {}

  private record Surveys(Integer csat, Integer nps, Integer ces) {}

  static Gen<Scenario> scenarios() {
    Gen<Integer> threshold =
        Generate.oneOf(integers().between(1, 60), Generate.pick(List.of(1, 20, 60)));
    Gen<List<Contact>> batch =
        lists().of(contacts()).ofSizeBetween(0, 40).map(RollupPropertyTest::uniqueIds);
    Gen<List<Period>> periods = lists().of(periods()).ofSizeBetween(1, 4);
    return threshold.zip(threshold, batch, batch, periods, Scenario::new);
  }

  /** One contact per id within a batch, as in a file. */
  private static List<Contact> uniqueIds(List<Contact> contacts) {
    Map<Integer, Contact> byId = new LinkedHashMap<>();
    contacts.forEach(c -> byId.putIfAbsent(c.id(), c));
    return new ArrayList<>(byId.values());
  }

  private static Gen<Contact> contacts() {
    Gen<Integer> id = integers().between(0, 59);
    Gen<String> agent = Generate.pick(List.of("a1", "a2", "a3", "agent.with-a_long:name"));
    Gen<String> channel = Generate.pick(List.of("PHONE", "EMAIL", "CHAT", "SOCIAL"));
    Gen<Integer> handle =
        Generate.frequency(
            Pair.of(8, integers().between(0, 3600)), Pair.of(1, Generate.pick(List.of(0, 86_400))));
    Gen<Queue> queue =
        Generate.oneOf(
            Generate.constant(new Queue(null, false)),
            integers().between(0, 90).zip(Generate.booleans(), Queue::new));
    Gen<Surveys> surveys =
        nullable(integers().between(1, 5))
            .zip(
                nullable(integers().between(0, 10)),
                nullable(integers().between(1, 7)),
                Surveys::new);
    Gen<Head> head = id.zip(agent, channel, startedAt(), Head::new);
    Gen<Body> body = handle.zip(Generate.booleans(), queue, surveys, Body::new);
    return head.zip(
        body,
        (h, b) ->
            new Contact(
                h.id(),
                h.agent(),
                h.channel(),
                h.startedAt(),
                b.handle(),
                b.resolved(),
                b.queue().waitSeconds(),
                b.queue().abandoned(),
                b.surveys().csat(),
                b.surveys().nps(),
                b.surveys().ces()));
  }

  private record Head(int id, String agent, String channel, OffsetDateTime startedAt) {}

  private record Body(int handle, boolean resolved, Queue queue, Surveys surveys) {}

  /** About 40 % empty, as surveys often are. */
  private static Gen<Integer> nullable(Gen<Integer> values) {
    return values.toOptionals(40).map(o -> o.orElse(null));
  }

  /**
   * Instants around the UTC midnights that end months and quarters, written with offsets that move
   * their local date across the boundary; the time of day is either UTC or local to the offset.
   */
  private static Gen<OffsetDateTime> startedAt() {
    Gen<LocalDate> day =
        Generate.pick(BOUNDARY_DAYS).zip(integers().between(-2, 2), (d, n) -> d.plusDays(n));
    Gen<LocalTime> anyTime =
        integers()
            .between(0, 86_399)
            .zip(
                integers().between(0, 999_999),
                (second, micros) -> LocalTime.ofSecondOfDay(second).plusNanos(micros * 1000L));
    Gen<LocalTime> edgeTime =
        Generate.pick(
            List.of(
                LocalTime.parse("23:59:59.999"),
                LocalTime.parse("23:59:59.999999"),
                LocalTime.MIDNIGHT,
                LocalTime.parse("00:00:00.000001"),
                LocalTime.parse("02:00")));
    Gen<LocalTime> time = Generate.frequency(Pair.of(4, anyTime), Pair.of(2, edgeTime));
    return day.zip(
        time,
        Generate.pick(OFFSETS),
        Generate.booleans(),
        (d, t, offset, utcTime) ->
            utcTime
                ? d.atTime(t).atOffset(ZoneOffset.UTC).withOffsetSameInstant(offset)
                : OffsetDateTime.of(d, t, offset));
  }

  private static Gen<Period> periods() {
    Gen<Period> months =
        integers().between(0, 12).map(n -> Period.month(YearMonth.of(2026, 2).plusMonths(n)));
    Gen<Period> quarters =
        integers().between(0, 4).map(n -> Period.quarter(2026 + n / 4, n % 4 + 1));
    return Generate.oneOf(months, quarters);
  }

  // --- the databases
  // -----------------------------------------------------------------------------------------

  private static synchronized Database h2() {
    if (h2 == null) {
      h2 = Database.migrated("H2", "jdbc:h2:mem:rollup-property" + h2Options(), "sa", "");
    }
    return h2;
  }

  /**
   * The options of the H2 integration tests' URL (e.g. {@code ;DB_CLOSE_DELAY=-1}), so H2 runs the
   * same way here.
   */
  private static String h2Options() {
    return Arrays.stream(H2IntegrationTest.class.getAnnotation(SpringBootTest.class).properties())
        .filter(p -> p.startsWith("spring.datasource.url=jdbc:h2:"))
        .map(p -> p.substring(p.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("@H2IntegrationTest names no H2 URL"));
  }

  private static synchronized Database postgres() {
    if (postgres == null) {
      postgres =
          Database.migrated(
              "PostgreSQL", EmbeddedPostgresServer.newDatabase(), "postgres", "postgres");
    }
    return postgres;
  }

  @AfterAll
  static synchronized void closeDatabases() {
    for (Database db : new Database[] {h2, postgres}) {
      if (db != null) {
        db.dataSource().close();
      }
    }
    h2 = null;
    postgres = null;
  }

  record Database(
      String name,
      HikariDataSource dataSource,
      NamedParameterJdbcTemplate jdbc,
      InteractionRollups rollups,
      KpiQueries queries) {

    static Database migrated(String name, String url, String user, String password) {
      HikariDataSource dataSource = new HikariDataSource();
      dataSource.setJdbcUrl(url);
      dataSource.setUsername(user);
      dataSource.setPassword(password);
      dataSource.setMaximumPoolSize(2);
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
      return new Database(
          name, dataSource, jdbc, new InteractionRollups(jdbc), new KpiQueries(jdbc));
    }

    String newVendor(int threshold) {
      String id = UUID.randomUUID().toString();
      jdbc.getJdbcTemplate()
          .update(
              """
              insert into vendor (id, code, name, delivery_model, team_model, involvement, time_zone,
                  business_hours_start, business_hours_end, business_days, lifecycle_phase, created_at, created_by,
                  version, service_level_threshold_seconds)
              values (?, ?, 'Property vendor', 'OFFSHORE', 'DEDICATED', 'PARTIAL', 'Asia/Manila', time '08:00:00',
                  time '18:00:00', 'MONDAY', 'OPERATING', current_timestamp, 'test', 0, ?)
              """,
              id,
              "P-" + id.substring(0, 30),
              threshold);
      return id;
    }

    void insert(String vendor, List<Contact> contacts) {
      jdbc.getJdbcTemplate()
          .batchUpdate(
              """
              insert into interaction (vendor_id, interaction_id, agent_id, channel, started_at, started_day,
                  handle_seconds, first_contact_resolved, wait_seconds, abandoned, csat, nps, ces)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """,
              contacts.stream()
                  .map(
                      c ->
                          new Object[] {
                            vendor,
                            "i-" + c.id(),
                            c.agent(),
                            c.channel(),
                            c.startedAt(),
                            c.utcDay(),
                            c.handleSeconds(),
                            c.resolved(),
                            c.waitSeconds(),
                            c.abandoned(),
                            c.csat(),
                            c.nps(),
                            c.ces()
                          })
                  .toList(),
              new int[] {
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.TIMESTAMP_WITH_TIMEZONE,
                Types.DATE,
                Types.INTEGER,
                Types.BOOLEAN,
                Types.INTEGER,
                Types.BOOLEAN,
                Types.SMALLINT,
                Types.SMALLINT,
                Types.SMALLINT
              });
    }

    /** Deletes the vendor's rows with these contacts' ids and returns the UTC days they were on. */
    List<LocalDate> deleteAndReturnDays(String vendor, List<Contact> contacts) {
      if (contacts.isEmpty()) {
        return List.of();
      }
      Map<String, Object> params =
          Map.of("vendor", vendor, "ids", contacts.stream().map(c -> "i-" + c.id()).toList());
      List<LocalDate> days =
          jdbc.queryForList(
              "select started_day from interaction where vendor_id = :vendor and interaction_id in (:ids)",
              params,
              LocalDate.class);
      jdbc.update(
          "delete from interaction where vendor_id = :vendor and interaction_id in (:ids)", params);
      return new ArrayList<>(days);
    }
  }
}
