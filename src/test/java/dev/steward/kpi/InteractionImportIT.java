package dev.steward.kpi;

import static dev.steward.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/vendors/{id}/interactions} over real HTTP (kpis.md "Interaction records",
 * api.md); run on H2 and on PostgreSQL by the subclasses.
 */
abstract class InteractionImportIT {

  static final String HEADER =
      "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,wait_seconds,abandoned,csat,nps,ces";

  /**
   * Five contacts: four of agent ag1 on 2026-07-01 (UTC) and one of ag2 that starts on 2026-07-01
   * at -01:00, which is 2026-07-02 in UTC.
   */
  static final String SMALL_FILE =
      HEADER
          + "\n"
          + "A-1,ag1,PHONE,2026-07-01T09:00:00Z,300,true,10,false,5,10,7\n"
          + "A-2,ag1,phone,2026-07-01T10:00:00+02:00,200,false,30,false,3,6,2\n"
          + "A-3,ag1,PHONE,2026-07-01T11:00:00Z,0,false,50,true,,,\n"
          + "A-4,ag1,CHAT,2026-07-01T12:00:00Z,100,TRUE,,,4,8,\n"
          + "A-5,ag2,EMAIL,2026-07-01T23:30:00-01:00,400,true,,,,,\n";

  static final LocalDate JULY_1 = LocalDate.parse("2026-07-01");
  static final LocalDate JULY_2 = LocalDate.parse("2026-07-02");
  static final LocalDate JULY_3 = LocalDate.parse("2026-07-03");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired KpiQueries kpis;

  Api api;
  TestWorld world;
  String rm;
  String vendor;

  @BeforeEach
  void world() {
    api = new Api(port);
    world = new TestWorld(api);
    rm = world.user("ii-rm", "RELATIONSHIP_MANAGER", null);
    vendor = world.vendor("II", rm);
  }

  Api.Response upload(String user, String vendorId, String csv) {
    return api.postRaw(user, "/api/vendors/" + vendorId + "/interactions", csv, "text/csv");
  }

  static void assertSummary(Api.Response response, long received, long inserted, long replaced) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode summary = response.json();
    assertThat(summary.size()).as(response.body()).isEqualTo(3);
    assertThat(summary.path("received").asLong(-1)).as(response.body()).isEqualTo(received);
    assertThat(summary.path("inserted").asLong(-1)).as(response.body()).isEqualTo(inserted);
    assertThat(summary.path("replaced").asLong(-1)).as(response.body()).isEqualTo(replaced);
  }

  /**
   * Everything an import may change for the vendor, to prove that a refused file changed nothing.
   */
  Map<String, Object> stored(String vendorId) {
    return Map.of(
        "interactions",
        jdbc.queryForList(
            "select interaction_id, agent_id, channel, started_at, started_day, handle_seconds, first_contact_resolved,"
                + " wait_seconds, abandoned, csat, nps, ces from interaction where vendor_id = ? order by interaction_id",
            vendorId),
        "rollups",
        jdbc.queryForList(
            "select * from interaction_daily_rollup where vendor_id = ? order by started_day, agent_id",
            vendorId),
        "imports",
        jdbc.queryForObject(
            "select count(*) from audit_event where subject_id = ? and action = 'INTERACTIONS_IMPORTED'",
            Long.class,
            vendorId));
  }

  long interactionCount(String vendorId) {
    return jdbc.queryForObject(
        "select count(*) from interaction where vendor_id = ?", Long.class, vendorId);
  }

  /**
   * contacts, handled, handled_resolved, handled_seconds, csat_count, csat_satisfied, nps_count,
   * nps_promoters, nps_detractors, ces_count, ces_sum, queued, queued_abandoned,
   * queued_answered_in_time of one rollup row.
   */
  List<Long> rollup(LocalDate day, String agent) {
    List<List<Long>> rows =
        jdbc.query(
            "select contacts, handled, handled_resolved, handled_seconds, csat_count, csat_satisfied, nps_count,"
                + " nps_promoters, nps_detractors, ces_count, ces_sum, queued, queued_abandoned, queued_answered_in_time"
                + " from interaction_daily_rollup where vendor_id = ? and started_day = ? and agent_id = ?",
            (rs, n) -> {
              Long[] values = new Long[14];
              for (int i = 0; i < 14; i++) {
                values[i] = rs.getLong(i + 1);
              }
              return List.of(values);
            },
            vendor,
            Date.valueOf(day),
            agent);
    return rows.isEmpty() ? null : rows.get(0);
  }

  static List<Long> counts(long... values) {
    return Arrays.stream(values).boxed().toList();
  }

  void assertRollupsEqualTheRawRows() {
    Period july = Period.parse("2026-07");
    assertThat(kpis.fromRollups(vendor, july)).isEqualTo(kpis.fromRaw(vendor, july, 20));
  }

  @Test
  void aGoodFileIsStoredWithItsDailyRollups() {
    Api.Response response = upload(rm, vendor, SMALL_FILE);

    assertSummary(response, 5, 5, 0);
    assertThat(interactionCount(vendor)).isEqualTo(5);
    Map<String, Object> a5 =
        jdbc.queryForMap(
            "select channel, started_day, handle_seconds, wait_seconds, abandoned, csat from interaction"
                + " where vendor_id = ? and interaction_id = 'A-5'",
            vendor);
    assertThat(a5.get("channel")).isEqualTo("EMAIL");
    assertThat(a5.get("started_day").toString()).isEqualTo("2026-07-02");
    assertThat(a5.get("wait_seconds")).isNull();
    assertThat(a5.get("abandoned")).isEqualTo(false);
    assertThat(a5.get("csat")).isNull();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from interaction where vendor_id = ? and interaction_id = 'A-2' and channel = 'PHONE'"
                    + " and started_at = ?",
                Long.class,
                vendor,
                OffsetDateTime.parse("2026-07-01T08:00:00Z")))
        .as("A-2 stored in UTC with its channel upper-cased")
        .isEqualTo(1);
    // by hand, service-level threshold 20 s: A-1 answered in 10 s, A-2 in 30 s, A-3 abandoned after
    // 50 s, A-4 not queued
    assertThat(rollup(JULY_1, "ag1")).isEqualTo(counts(4, 3, 2, 600, 3, 2, 3, 1, 1, 2, 9, 3, 1, 1));
    assertThat(rollup(JULY_2, "ag2")).isEqualTo(counts(1, 1, 1, 400, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from interaction_daily_rollup where vendor_id = ?",
                Long.class,
                vendor))
        .isEqualTo(2);
    assertRollupsEqualTheRawRows();
    assertThat(
            jdbc.query(
                "select actor, detail from audit_event where subject_id = ? and action = 'INTERACTIONS_IMPORTED'",
                (rs, n) -> rs.getString(1) + " " + rs.getString(2),
                vendor))
        .containsExactly(rm + " received=5,inserted=5,replaced=0");
  }

  @Test
  void sendingTheSameFileAgainReplacesEveryRowAndChangesNothing() {
    assertSummary(upload(rm, vendor, SMALL_FILE), 5, 5, 0);
    Map<String, Object> before = stored(vendor);

    Api.Response again = upload(rm, vendor, SMALL_FILE);

    assertSummary(again, 5, 0, 5);
    Map<String, Object> after = stored(vendor);
    assertThat(after.get("interactions")).isEqualTo(before.get("interactions"));
    assertThat(after.get("rollups")).isEqualTo(before.get("rollups"));
  }

  @Test
  void movingARowToAnotherDayCorrectsTheRollupsOfBothDays() {
    assertSummary(upload(rm, vendor, SMALL_FILE), 5, 5, 0);

    Api.Response moved =
        upload(
            rm, vendor, HEADER + "\nA-1,ag1,PHONE,2026-07-03T09:00:00Z,300,true,10,false,5,10,7\n");

    assertSummary(moved, 1, 0, 1);
    assertThat(interactionCount(vendor)).isEqualTo(5);
    // July 1 without A-1: A-2, A-3 (abandoned) and A-4
    assertThat(rollup(JULY_1, "ag1")).isEqualTo(counts(3, 2, 1, 300, 2, 1, 2, 0, 1, 1, 2, 2, 1, 0));
    assertThat(rollup(JULY_3, "ag1")).isEqualTo(counts(1, 1, 1, 300, 1, 1, 1, 1, 0, 1, 7, 1, 0, 1));
    assertThat(rollup(JULY_2, "ag2")).isEqualTo(counts(1, 1, 1, 400, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertRollupsEqualTheRawRows();
  }

  @Test
  void aRowMovedAwayFromTheOnlyContactOfADayLeavesNoRollupForThatDay() {
    assertSummary(upload(rm, vendor, SMALL_FILE), 5, 5, 0);

    assertSummary(
        upload(rm, vendor, HEADER + "\nA-5,ag2,EMAIL,2026-07-03T00:30:00Z,400,true,,,,,\n"),
        1,
        0,
        1);

    assertThat(rollup(JULY_2, "ag2")).isNull();
    assertThat(rollup(JULY_3, "ag2")).isEqualTo(counts(1, 1, 1, 400, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertRollupsEqualTheRawRows();
  }

  @Test
  void aFileOfNewAndKnownRowsCountsBoth() {
    assertSummary(upload(rm, vendor, SMALL_FILE), 5, 5, 0);

    Api.Response mixed =
        upload(
            rm,
            vendor,
            HEADER
                + "\nA-4,ag1,CHAT,2026-07-01T12:00:00Z,100,TRUE,,,5,8,\n"
                + "B-1,ag3,SOCIAL,2026-07-01T13:00:00Z,50,false,,,,,\n");

    assertSummary(mixed, 2, 1, 1);
    assertThat(interactionCount(vendor)).isEqualTo(6);
    assertThat(rollup(JULY_1, "ag1").get(5))
        .as("csat_satisfied after A-4's csat went from 4 to 5")
        .isEqualTo(2);
    assertThat(rollup(JULY_1, "ag3")).isEqualTo(counts(1, 1, 0, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertRollupsEqualTheRawRows();
  }

  @Test
  void aHeaderWithoutRowsIsAnEmptyImport() {
    assertSummary(upload(rm, vendor, HEADER + "\r\n"), 0, 0, 0);
    assertThat(interactionCount(vendor)).isZero();
  }

  @Test
  void anEmptyBodyIsAFileWithoutItsHeader() {
    assertSummary(upload(rm, vendor, SMALL_FILE), 5, 5, 0);
    Map<String, Object> before = stored(vendor);

    JsonNode problem = assertProblem(upload(rm, vendor, ""), 422);

    assertThat(problem.path("errors")).hasSize(1);
    assertThat(problem.path("errors").get(0).path("line").asInt()).isEqualTo(1);
    assertThat(problem.path("errors").get(0).path("message").asText())
        .startsWith("The file is empty: its first line must be the header row");
    assertThat(stored(vendor)).isEqualTo(before);
  }

  /**
   * Each file breaks one rule once, on the line and in the column given; the rows around it are
   * good.
   */
  static Stream<Arguments> badFiles() {
    String good1 = "G-1,ag1,PHONE,2026-07-01T09:00:00Z,300,true,10,false,5,10,7";
    String row = "X-1,ag1,PHONE,2026-07-01T09:00:00Z,300,true,10,false,5,10,7";
    return Stream.of(
        bad(
            "interaction_id with a space",
            row.replace("X-1", "X 1"),
            "interaction_id",
            "may contain only"),
        bad(
            "interaction_id of 65 characters",
            row.replace("X-1", "X".repeat(65)),
            "interaction_id",
            "at most 64"),
        bad("agent_id empty", row.replace("ag1", ""), "agent_id", "is required"),
        bad("agent_id with a slash", row.replace("ag1", "ag/1"), "agent_id", "may contain only"),
        bad(
            "channel unknown",
            row.replace("PHONE", "FAX"),
            "channel",
            "PHONE, EMAIL, CHAT or SOCIAL"),
        bad(
            "started_at without offset",
            row.replace("09:00:00Z", "09:00:00"),
            "started_at",
            "has no offset"),
        bad(
            "started_at not a date",
            row.replace("2026-07-01T09:00:00Z", "01/07/2026 09:00"),
            "started_at",
            "ISO-8601"),
        bad(
            "handle_seconds above a day",
            row.replace(",300,", ",86401,"),
            "handle_seconds",
            "0 to 86400"),
        bad(
            "handle_seconds negative",
            row.replace(",300,", ",-1,"),
            "handle_seconds",
            "0 to 86400"),
        bad(
            "first_contact_resolved yes",
            row.replace(",true,", ",yes,"),
            "first_contact_resolved",
            "true or false"),
        bad("wait_seconds negative", row.replace(",true,10,", ",true,-10,"), "wait_seconds", "≥ 0"),
        bad("abandoned 1", row.replace(",false,", ",1,"), "abandoned", "true or false"),
        bad(
            "abandoned without a wait",
            row.replace(",10,false,", ",,true,"),
            "abandoned",
            "requires wait_seconds"),
        bad("csat 6", row.replace(",5,10,7", ",6,10,7"), "csat", "1 to 5"),
        bad("nps 11", row.replace(",5,10,7", ",5,11,7"), "nps", "0 to 10"),
        bad("ces 0", row.replace(",5,10,7", ",5,10,0"), "ces", "1 to 7"),
        bad(
            "a missing field",
            row.replace(",5,10,7", ",5,10"),
            null,
            "has 10 fields, the header has 11"),
        bad(
            "an id twice in the file",
            good1.replace("ag1", "ag2"),
            "interaction_id",
            "'G-1' is already on line 2"),
        bad(
            "an unclosed quote",
            "X-1,\"ag1,PHONE,2026-07-01T09:00:00Z,300,true,,,,,",
            null,
            "is not valid CSV"),
        header("an unknown column", HEADER + ",colour", "colour", "is not a known column"),
        header(
            "a missing column",
            HEADER.replace("handle_seconds,", ""),
            "handle_seconds",
            "required column"),
        header("a column twice", HEADER.replace("csat", "CSAT,csat"), "csat", "appears twice"));
  }

  /**
   * A file with a bad row on line 5 (after a blank line 4) between good rows, one of which would
   * replace and move A-1 of the small file.
   */
  private static Arguments bad(String name, String badRow, String column, String message) {
    String file =
        HEADER
            + "\nG-1,ag1,PHONE,2026-07-01T09:00:00Z,300,true,10,false,5,10,7\nA-1,ag9,CHAT,2026-07-05T09:00:00Z,999,false,,,1,0,1\n\n"
            + badRow
            + "\nG-3,ag1,EMAIL,2026-07-09T09:00:00Z,300,true,,,,,\n";
    return Arguments.of(name, file, 5, column, message);
  }

  private static Arguments header(String name, String header, String column, String message) {
    return Arguments.of(
        name,
        header + "\nG-1,ag1,PHONE,2026-07-01T09:00:00Z,300,true,10,false,5,10,7\n",
        1,
        column,
        message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aFileBreakingOneRuleIsRefusedWithItsLineAndColumnAndNothingIsStored(
      String name, String file, int line, String column, String message) {
    assertSummary(upload(rm, vendor, SMALL_FILE), 5, 5, 0);
    Map<String, Object> before = stored(vendor);

    JsonNode problem = assertProblem(upload(rm, vendor, file), 422);

    assertThat(problem.path("detail").asText())
        .isEqualTo("The file has 1 error; nothing was stored");
    assertThat(problem.path("errors")).as(problem.toString()).hasSize(1);
    JsonNode error = problem.path("errors").get(0);
    assertThat(error.path("line").asInt()).as(problem.toString()).isEqualTo(line);
    if (column == null) {
      assertThat(error.has("column")).as(problem.toString()).isFalse();
    } else {
      assertThat(error.path("column").asText()).as(problem.toString()).isEqualTo(column);
    }
    assertThat(error.path("message").asText()).contains(message);
    assertThat(stored(vendor)).isEqualTo(before);
  }

  @Test
  void everyBadRowIsReportedAndTheListStopsAtAThousand() {
    StringBuilder file = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 1200; i++) {
      file.append("R-")
          .append(i)
          .append(",ag1,PHONE,2026-07-01T09:00:00Z,300,true,10,false,0,10,7\n");
    }
    file.append(
        "R-5,ag1,PHONE,2026-07-01T09:00:00Z,300,true,10,false,5,10,7\n"); // line 1202: a duplicate
    // of line 7

    JsonNode problem = assertProblem(upload(rm, vendor, file.toString()), 422);

    assertThat(problem.path("detail").asText())
        .isEqualTo("The file has 1201 errors; nothing was stored. The first 1000 are listed");
    assertThat(problem.path("errors")).hasSize(1000);
    assertThat(problem.path("errors").get(0).path("line").asInt()).isEqualTo(2);
    assertThat(problem.path("errors").get(999).path("line").asInt()).isEqualTo(1001);
    assertThat(interactionCount(vendor)).isZero();
  }

  @Test
  void theVendorsOwnLeadMayImport() {
    String lead = world.user("ii-lead", "BPO_LEAD", vendor);

    assertSummary(upload(lead, vendor, SMALL_FILE), 5, 5, 0);
    assertThat(interactionCount(vendor)).isEqualTo(5);
  }

  @Test
  void anotherVendorsLeadGets404AndNothingIsStored() {
    String otherVendor = world.vendor("II-OTHER", rm);
    String otherLead = world.user("ii-other-lead", "BPO_LEAD", otherVendor);

    assertProblem(upload(otherLead, vendor, SMALL_FILE), 404);
    assertThat(interactionCount(vendor)).isZero();
    assertThat(interactionCount(otherVendor)).isZero();
  }

  @Test
  void anUnknownVendorIs404() {
    assertProblem(upload(rm, "no-such-vendor", SMALL_FILE), 404);
  }

  @Test
  void aQaAnalystMayNotImport() {
    String qa = world.user("ii-qa", "QA_ANALYST", null);

    assertProblem(upload(qa, vendor, SMALL_FILE), 403);
    assertThat(interactionCount(vendor)).isZero();
  }

  @Test
  void withoutCredentialsTheAnswerIs401() {
    assertProblem(upload(null, vendor, SMALL_FILE), 401);
    assertThat(interactionCount(vendor)).isZero();
  }

  @Test
  void anAdministratorMayImport() {
    assertSummary(upload(TestProperties.ADMIN, vendor, SMALL_FILE), 5, 5, 0);
  }

  @Test
  void aBodyThatIsNotCsvIs415() {
    Api.Response json =
        api.postRaw(
            rm, "/api/vendors/" + vendor + "/interactions", "{\"rows\": []}", "application/json");
    Api.Response none =
        api.send(rm, "POST", "/api/vendors/" + vendor + "/interactions", null, null, Map.of());

    assertProblem(json, 415);
    assertProblem(none, 415);
    assertThat(interactionCount(vendor)).isZero();
  }

  @Test
  void csvWithACharsetParameterIsAccepted() {
    assertSummary(
        api.postRaw(
            rm, "/api/vendors/" + vendor + "/interactions", SMALL_FILE, "text/csv; charset=utf-8"),
        5,
        5,
        0);
  }

  @Test
  void theOpenApiDescriptionShowsTheCsvBody() {
    JsonNode docs = api.get(null, "/v3/api-docs").json();
    JsonNode post = docs.path("paths").path("/api/vendors/{id}/interactions").path("post");

    assertThat(post.path("requestBody").path("content").has("text/csv"))
        .as(post.toString())
        .isTrue();
  }
}
