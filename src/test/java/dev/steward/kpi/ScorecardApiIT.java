package dev.steward.kpi;

import static dev.steward.support.Problems.assertProblem;
import static dev.steward.support.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scorecards, contract terms and service credits over real HTTP, against numbers computed by hand;
 * run on H2 and on PostgreSQL by the subclasses.
 *
 * <p>The interactions are the five rows of {@link BalancedScoreTest}, spread over July and August
 * 2026 on the edges of the months (UTC):
 *
 * <pre>
 * # at (UTC)                        channel handled fcr handle wait csat nps ces
 * 1 2026-07-15T10:00Z               PHONE   yes     yes 300    10   5    10  7
 * 2 2026-08-01T00:00Z               PHONE   yes     no  600    30   3    6   4
 * 3 2026-07-20T23:59:59.999Z        CHAT    abandoned   0      50   -    -   -
 * 4 2026-07-31T23:59:59.999999Z     EMAIL   yes     yes 420    -    4    8   -
 * 5 2026-07-01T00:00Z               CHAT    yes     yes 180    20   -    9   6
 * </pre>
 */
abstract class ScorecardApiIT {

  private static final String ADMIN = TestProperties.ADMIN;

  @LocalServerPort int port;
  @Autowired InteractionSeeder seeder;
  @Autowired JdbcTemplate jdbc;

  Api api;
  TestWorld world;
  String rm;
  int vendors;

  @BeforeEach
  void client() {
    api = new Api(port);
    world = new TestWorld(api);
    rm = world.user("sc-rm", "RELATIONSHIP_MANAGER", null);
  }

  static List<InteractionSeeder.Row> fiveRows() {
    return List.of(
        row("r1", "PHONE", "2026-07-15T10:00:00Z", 300, true, 10, false, 5, 10, 7),
        row("r2", "PHONE", "2026-08-01T00:00:00Z", 600, false, 30, false, 3, 6, 4),
        row("r3", "CHAT", "2026-07-20T23:59:59.999Z", 0, false, 50, true, null, null, null),
        row("r4", "EMAIL", "2026-07-31T23:59:59.999999Z", 420, true, null, false, 4, 8, null),
        row("r5", "CHAT", "2026-07-01T00:00:00Z", 180, true, 20, false, null, 9, 6));
  }

  private String vendorWithFiveRows() {
    String vendor = world.vendor("SC-" + (++vendors), rm);
    seeder.insert(vendor, fiveRows());
    return vendor;
  }

  // --- the scorecard
  // ----------------------------------------------------------------------------------------

  @Test
  void theFiveRowsGiveTheHandComputedScorecardWithTheDefaultDefinition() {
    String vendor = vendorWithFiveRows();

    Api.Response response = api.get(rm, "/api/vendors/" + vendor + "/scorecard?period=2026-Q3");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode card = response.json();
    assertThat(card.get("vendorId").asText()).isEqualTo(vendor);
    assertThat(card.get("period").asText()).isEqualTo("2026-Q3");
    assertThat(card.get("interactions").asLong()).isEqualTo(5);
    assertThat(names(card.get("kpis")))
        .containsExactly("csat", "nps", "ces", "fcr", "aht", "serviceLevel", "abandonRate");
    // values: csat 200/3, nps 100 × (2 − 1) / 4, ces 17/3, fcr 3/4, aht 1500/4, service level 2/4,
    // abandon 1/4
    // scores: csat 66.67/85, nps 125/140, ces 4.67/4.5 → 100, fcr 100, aht 345/360, service level
    // 50/80, abandon → 0
    assertLine(card, "csat", "66.67", "85.00", "0.00", 20, "78.43");
    assertLine(card, "nps", "25.00", "40.00", "-100.00", 20, "89.29");
    assertLine(card, "ces", "5.67", "5.50", "1.00", 20, "100.00");
    assertLine(card, "fcr", "75.00", "75.00", "0.00", 20, "100.00");
    assertLine(card, "aht", "375.00", "360.00", "720.00", 20, "95.83");
    assertLine(card, "serviceLevel", "50.00", "80.00", "0.00", 0, "62.50");
    assertLine(card, "abandonRate", "25.00", "5.00", "20.00", 0, "0.00");
    // (78.4314 + 89.2857 + 100 + 100 + 95.8333) / 5
    assertDecimal(card.get("total"), "92.71");
    assertThat(card.get("serviceLevelThresholdSeconds").asInt()).isEqualTo(20);
    // numbers are JSON numbers with 2 decimals, not strings
    assertThat(response.body()).contains("\"total\":92.71").contains("\"value\":25.00");

    // no contract: nothing at risk, no credits, but every month of the quarter is listed
    JsonNode credits = card.get("serviceCredits");
    assertDecimal(credits.get("atRiskAmount"), "0.00");
    assertThat(credits.get("months")).hasSize(3);
    assertThat(credits.get("months").findValuesAsText("month"))
        .containsExactly("2026-07", "2026-08", "2026-09");
    assertThat(credits.get("months").findValues("interactions"))
        .extracting(JsonNode::asInt)
        .containsExactly(4, 1, 0);
    assertDecimal(credits.get("total"), "0.00");
  }

  @Test
  void aMonthCountsOnlyItsOwnContacts() {
    String vendor = vendorWithFiveRows();

    JsonNode july = ok(api.get(rm, "/api/vendors/" + vendor + "/scorecard?period=2026-07"));
    // rows 1, 3, 4, 5: csat 5 and 4; nps 10, 8, 9; ces 7 and 6; handled 1, 4, 5 all resolved; 900
    // s; queued 1, 3, 5
    assertThat(july.get("interactions").asLong()).isEqualTo(4);
    assertDecimal(july.at("/kpis/csat/value"), "100.00");
    assertDecimal(july.at("/kpis/nps/value"), "66.67");
    assertDecimal(july.at("/kpis/ces/value"), "6.50");
    assertDecimal(july.at("/kpis/fcr/value"), "100.00");
    assertDecimal(july.at("/kpis/aht/value"), "300.00");
    assertDecimal(july.at("/kpis/serviceLevel/value"), "66.67");
    assertDecimal(july.at("/kpis/abandonRate/value"), "33.33");
    assertThat(july.at("/serviceCredits/months").findValuesAsText("month"))
        .containsExactly("2026-07");

    JsonNode august = ok(api.get(rm, "/api/vendors/" + vendor + "/scorecard?period=2026-08"));
    assertThat(august.get("interactions").asLong()).isEqualTo(1);
    assertDecimal(august.at("/kpis/csat/value"), "0.00");
    assertDecimal(august.at("/kpis/nps/value"), "-100.00");
    assertDecimal(august.at("/kpis/nps/score"), "0.00");
  }

  @Test
  void aPeriodWithoutDataHasNullValuesScoresAndTotal() {
    String vendor = vendorWithFiveRows();

    JsonNode card = ok(api.get(rm, "/api/vendors/" + vendor + "/scorecard?period=2026-Q1"));

    assertThat(card.get("interactions").asLong()).isZero();
    card.get("kpis")
        .forEach(
            line -> {
              assertThat(line.has("value")).isTrue();
              assertThat(line.get("value").isNull()).as(line.toString()).isTrue();
              assertThat(line.get("score").isNull()).as(line.toString()).isTrue();
              assertThat(line.get("target").isNumber()).isTrue();
            });
    assertThat(card.has("total")).isTrue();
    assertThat(card.get("total").isNull()).isTrue();
    assertThat(card.at("/serviceCredits/months")).hasSize(3);
    assertDecimal(card.at("/serviceCredits/total"), "0.00");
  }

  @Test
  void aContactIsBucketedByItsUtcInstantNotItsLocalDate() {
    String vendor = world.vendor("SC-UTC", rm);
    // 2026-07-01T02:00+05:30 is 2026-06-30T20:30Z: the second quarter
    Instant early = OffsetDateTime.parse("2026-07-01T02:00+05:30").toInstant();
    seeder.insert(
        vendor, List.of(row("kolkata", "PHONE", early.toString(), 240, true, 5, false, 5, 9, 6)));

    assertThat(
            ok(api.get(rm, "/api/vendors/" + vendor + "/scorecard?period=2026-Q2"))
                .get("interactions")
                .asLong())
        .isEqualTo(1);
    assertThat(
            ok(api.get(rm, "/api/vendors/" + vendor + "/scorecard?period=2026-06"))
                .get("interactions")
                .asLong())
        .isEqualTo(1);
    assertThat(
            ok(api.get(rm, "/api/vendors/" + vendor + "/scorecard?period=2026-Q3"))
                .get("interactions")
                .asLong())
        .isZero();
    assertThat(
            ok(api.get(rm, "/api/vendors/" + vendor + "/scorecard?period=2026-07"))
                .get("interactions")
                .asLong())
        .isZero();
  }

  @Test
  void aBadOrMissingPeriodIs400SayingWhatIsAllowed() {
    String vendor = world.vendor("SC-BAD", rm);
    for (String query :
        List.of(
            "?period=2026-13",
            "?period=2026-Q5",
            "?period=",
            "",
            "?period=2026-7",
            "?period=2026-q3",
            "?period=Q3-2026",
            "?period=2026-07-01",
            "?period=%202026-07")) {
      JsonNode problem =
          assertProblem(api.get(rm, "/api/vendors/" + vendor + "/scorecard" + query), 400);
      assertThat(errorFields(problem)).as(query).containsExactly("period");
      assertThat(problem.get("detail").asText()).as(query).contains("2026-07").contains("2026-Q3");
    }
  }

  // --- the definition
  // ---------------------------------------------------------------------------------------

  @Test
  void aScorecardDefinitionReplacesThePreviousOneAndIsAudited() {
    String vendor = vendorWithFiveRows();
    Map<String, Object> custom = kpis(Map.of("csat", kpi(90, 50, 60), "aht", kpi(300, 600, 40)));

    Api.Response put = api.put(rm, "/api/vendors/" + vendor + "/scorecard", custom);

    assertThat(put.status()).as(put.body()).isEqualTo(200);
    JsonNode stored = put.json();
    assertThat(stored.get("vendorId").asText()).isEqualTo(vendor);
    assertThat(names(stored.get("kpis"))).containsExactly("csat", "aht");
    assertDecimal(stored.at("/kpis/csat/target"), "90.00");
    assertDecimal(stored.at("/kpis/csat/zero"), "50.00");
    assertThat(stored.at("/kpis/csat/weight").asInt()).isEqualTo(60);
    assertDecimal(stored.at("/kpis/aht/zero"), "600.00");

    JsonNode card = ok(api.get(rm, "/api/vendors/" + vendor + "/scorecard?period=2026-Q3"));
    assertThat(names(card.get("kpis"))).containsExactly("csat", "aht");
    // csat 100 × (66.667 − 50) / 40 = 41.667; aht 100 × (600 − 375) / 300 = 75; (41.667 × 60 + 75 ×
    // 40) / 100
    assertLine(card, "csat", "66.67", "90.00", "50.00", 60, "41.67");
    assertLine(card, "aht", "375.00", "300.00", "600.00", 40, "75.00");
    assertDecimal(card.get("total"), "55.00");

    JsonNode shown = ok(api.get(rm, "/api/vendors/" + vendor + "/scorecard/definition"));
    assertThat(names(shown.get("kpis"))).containsExactly("csat", "aht");
    assertDecimal(shown.at("/kpis/csat/target"), "90.00");

    // a second definition replaces the first entirely
    Api.Response again =
        api.put(rm, "/api/vendors/" + vendor + "/scorecard", kpis(Map.of("fcr", kpi(80, 0, 100))));
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(names(again.json().get("kpis"))).containsExactly("fcr");
    JsonNode fcrOnly = ok(api.get(rm, "/api/vendors/" + vendor + "/scorecard?period=2026-Q3"));
    assertThat(names(fcrOnly.get("kpis"))).containsExactly("fcr");
    assertDecimal(fcrOnly.get("total"), "93.75"); // 100 × 75 / 80

    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where subject_id = ? and action = 'SCORECARD_DEFINED' and actor = ?",
                Integer.class,
                vendor,
                rm))
        .isEqualTo(2);
  }

  @Test
  void invalidDefinitionsAreRefusedWithEveryFieldNamedAndNothingStored() {
    String vendor = vendorWithFiveRows();
    String path = "/api/vendors/" + vendor + "/scorecard";
    assertThat(
            api.put(ADMIN, path, kpis(Map.of("csat", kpi(90, 0, 50), "fcr", kpi(70, 0, 50))))
                .status())
        .isEqualTo(200);

    List<Case> corpus = new ArrayList<>();
    corpus.add(
        new Case(
            "weights add up to 90",
            kpis(Map.of("csat", kpi(85, 0, 50), "fcr", kpi(75, 0, 40))),
            422,
            "kpis"));
    corpus.add(
        new Case(
            "csat target below its zero",
            kpis(Map.of("csat", kpi(0, 10, 100))),
            422,
            "kpis.csat.target"));
    corpus.add(
        new Case(
            "nps target at its zero", kpis(Map.of("nps", kpi(0, 0, 100))), 422, "kpis.nps.target"));
    corpus.add(
        new Case(
            "aht target above its zero",
            kpis(Map.of("aht", kpi(720, 360, 100))),
            422,
            "kpis.aht.target"));
    corpus.add(
        new Case(
            "abandon rate target above its zero",
            kpis(Map.of("abandonRate", kpi(20, 5, 100))),
            422,
            "kpis.abandonRate.target"));
    corpus.add(
        new Case(
            "negative weight",
            kpis(ordered("csat", kpi(85, 0, 60), "fcr", kpi(75, 0, 50), "aht", kpi(360, 720, -10))),
            422,
            "kpis.aht.weight"));
    corpus.add(
        new Case(
            "fractional weights",
            kpis(ordered("csat", kpi(85, 0, 50.5), "fcr", kpi(75, 0, 49.5))),
            422,
            "kpis.csat.weight",
            "kpis.fcr.weight"));
    corpus.add(
        new Case(
            "weight above 100",
            kpis(ordered("csat", kpi(85, 0, 150), "fcr", kpi(75, 0, -50))),
            422,
            "kpis.csat.weight",
            "kpis.fcr.weight"));
    corpus.add(
        new Case(
            "missing target",
            kpis(Map.of("csat", Map.of("zero", 0, "weight", 100))),
            422,
            "kpis.csat.target"));
    corpus.add(
        new Case(
            "missing zero",
            kpis(Map.of("csat", Map.of("target", 85, "weight", 100))),
            422,
            "kpis.csat.zero"));
    corpus.add(
        new Case(
            "missing weight",
            kpis(Map.of("csat", Map.of("target", 85, "zero", 0))),
            422,
            "kpis.csat.weight"));
    corpus.add(
        new Case(
            "everything missing",
            kpis(Map.of("csat", Map.of())),
            422,
            "kpis.csat.target",
            "kpis.csat.zero",
            "kpis.csat.weight"));
    corpus.add(
        new Case("a KPI without its numbers", "{\"kpis\": {\"csat\": null}}", 422, "kpis.csat"));
    corpus.add(
        new Case(
            "three decimals", kpis(Map.of("ces", kpi(5.555, 1, 100))), 422, "kpis.ces.target"));
    corpus.add(
        new Case(
            "a target too big to store",
            kpis(Map.of("aht", kpi(360, 1e12, 100))),
            422,
            "kpis.aht.zero"));
    corpus.add(
        new Case(
            "a target that is not a number",
            "{\"kpis\": {\"csat\": {\"target\": \"high\", \"zero\": 0, \"weight\": 100}}}",
            422,
            "kpis.csat.target"));
    corpus.add(new Case("no KPI", kpis(Map.of()), 422, "kpis"));
    corpus.add(new Case("no kpis member", Map.of(), 422, "kpis"));
    corpus.add(
        new Case(
            "an unknown KPI",
            kpis(ordered("csat", kpi(85, 0, 100), "happiness", kpi(1, 0, 0))),
            400,
            "kpis.happiness"));
    corpus.add(
        new Case(
            "an unknown property of a KPI",
            "{\"kpis\": {\"csat\": {\"target\": 85, \"zero\": 0, \"weight\": 100, \"goal\": 90}}}",
            400,
            "kpis.csat.goal"));
    corpus.add(
        new Case(
            "an unknown top-level property",
            "{\"kpis\": {\"csat\": {\"target\": 85, \"zero\": 0, \"weight\": 100}}, \"vendorId\": \"x\"}",
            400,
            "vendorId"));
    corpus.add(new Case("not JSON", "{\"kpis\": {", 400));

    for (Case c : corpus) {
      JsonNode problem = assertProblem(api.put(rm, path, c.body()), c.status());
      assertThat(errorFields(problem)).as(c.name()).containsExactlyInAnyOrder(c.fields());
    }
    // the messages say what is allowed
    JsonNode sum = assertProblem(api.put(rm, path, corpus.get(0).body()), 422);
    assertThat(sum.at("/errors/0/message").asText()).contains("100").contains("90");
    JsonNode unknown = assertProblem(api.put(rm, path, corpus.get(18).body()), 400);
    assertThat(unknown.at("/errors/0/message").asText())
        .contains("csat, nps, ces, fcr, aht, serviceLevel, abandonRate");

    JsonNode card = ok(api.get(rm, "/api/vendors/" + vendor + "/scorecard?period=2026-Q3"));
    assertThat(names(card.get("kpis")))
        .as("the definition stored before")
        .containsExactly("csat", "fcr");
    assertDecimal(card.at("/kpis/csat/target"), "90.00");
  }

  @Test
  void anUnknownVendorIs404() {
    assertProblem(api.get(rm, "/api/vendors/no-such-vendor/scorecard?period=2026-Q3"), 404);
    assertProblem(
        api.put(rm, "/api/vendors/no-such-vendor/scorecard", kpis(Map.of("fcr", kpi(75, 0, 100)))),
        404);
    assertProblem(api.get(rm, "/api/vendors/no-such-vendor/contract"), 404);
    assertProblem(
        api.put(rm, "/api/vendors/no-such-vendor/contract", contract("1000", "10", 20, Map.of())),
        404);
  }

  // --- contract terms and service credits
  // -------------------------------------------------------------------

  @Test
  void contractTermsAreStoredAndCreditsComputedPerMonth() {
    String vendor = vendorWithFiveRows();
    String path = "/api/vendors/" + vendor + "/contract";
    JsonNode none = ok(api.get(rm, path));
    assertDecimal(none.get("monthlyFee"), "0.00");
    assertThat(none.get("serviceLevelThresholdSeconds").asInt()).isEqualTo(20);
    assertThat(none.get("creditAllocations")).isEmpty();

    Map<String, Object> allocations = ordered("csat", 20, "fcr", 30, "aht", 10, "abandonRate", 15);
    Api.Response put = api.put(rm, path, contract("12345.67", "7.5", 20, allocations));

    assertThat(put.status()).as(put.body()).isEqualTo(200);
    JsonNode terms = put.json();
    assertThat(terms.get("vendorId").asText()).isEqualTo(vendor);
    assertDecimal(terms.get("monthlyFee"), "12345.67");
    assertDecimal(terms.get("atRiskPercent"), "7.50");
    assertDecimal(terms.get("atRiskAmount"), "925.93"); // 12345.67 × 7.5 / 100 = 925.92525
    assertThat(terms.get("serviceLevelThresholdSeconds").asInt()).isEqualTo(20);
    assertThat(names(terms.get("creditAllocations")))
        .containsExactly("csat", "fcr", "aht", "abandonRate");
    assertDecimal(terms.at("/creditAllocations/abandonRate"), "15.00");
    assertThat(ok(api.get(rm, path))).isEqualTo(terms);

    JsonNode credits =
        ok(api.get(rm, "/api/vendors/" + vendor + "/scorecard?period=2026-Q3"))
            .get("serviceCredits");
    assertDecimal(credits.get("atRiskAmount"), "925.93");
    // July (rows 1, 3, 4, 5): only the abandon rate (1 of 3 queued = 33 % > 5 %) misses: R × 15 % =
    // 138.8887875
    JsonNode july = credits.get("months").get(0);
    assertThat(july.get("month").asText()).isEqualTo("2026-07");
    assertThat(texts(july.get("missed"))).containsExactly("abandonRate");
    assertDecimal(july.get("credit"), "138.89");
    // August (row 2): csat 0 %, fcr 0 %, aht 600 s miss; nothing abandoned: R × (20 + 30 + 10) % =
    // 555.55515
    JsonNode august = credits.get("months").get(1);
    assertThat(texts(august.get("missed"))).containsExactly("csat", "fcr", "aht");
    assertDecimal(august.get("credit"), "555.56");
    // September: no contacts, nothing missed
    JsonNode september = credits.get("months").get(2);
    assertThat(september.get("missed")).isEmpty();
    assertDecimal(september.get("credit"), "0.00");
    // the total is summed at full precision (694.4439375) and rounded once
    assertDecimal(credits.get("total"), "694.44");

    // over the at-risk amount the month's credit is capped at R
    assertThat(
            api.put(rm, path, contract("10000", "10", 20, ordered("csat", 60, "fcr", 60))).status())
        .isEqualTo(200);
    JsonNode capped =
        ok(api.get(rm, "/api/vendors/" + vendor + "/scorecard?period=2026-08"))
            .get("serviceCredits");
    assertDecimal(capped.at("/months/0/credit"), "1000.00");
    assertDecimal(capped.get("total"), "1000.00");

    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where subject_id = ? and action = 'CONTRACT_TERMS_SET'",
                Integer.class,
                vendor))
        .isEqualTo(2);
  }

  @Test
  void changingTheServiceLevelThresholdRecomputesTheRollups() {
    String vendor = vendorWithFiveRows();
    String card = "/api/vendors/" + vendor + "/scorecard?period=2026-Q3";
    assertDecimal(
        ok(api.get(rm, card)).at("/kpis/serviceLevel/value"),
        "50.00"); // waits 10, 20 of 10, 30, 20, (50)

    assertThat(
            api.put(rm, "/api/vendors/" + vendor + "/contract", contract("0", "0", 30, Map.of()))
                .status())
        .isEqualTo(200);
    JsonNode at30 = ok(api.get(rm, card));
    assertThat(at30.get("serviceLevelThresholdSeconds").asInt()).isEqualTo(30);
    assertDecimal(
        at30.at("/kpis/serviceLevel/value"),
        "75.00"); // 10, 30 and 20 within 30 s; the abandoned one not

    assertThat(
            api.put(rm, "/api/vendors/" + vendor + "/contract", contract("0", "0", 10, Map.of()))
                .status())
        .isEqualTo(200);
    assertDecimal(
        ok(api.get(rm, card)).at("/kpis/serviceLevel/value"), "25.00"); // only the 10 s wait

    // contacts loaded after the change count with the new threshold too
    seeder.insert(
        vendor,
        List.of(
            row("r6", "PHONE", "2026-09-30T23:59:59Z", 200, true, 10, false, null, null, null)));
    assertDecimal(ok(api.get(rm, card)).at("/kpis/serviceLevel/value"), "40.00"); // 2 of 5
  }

  @Test
  void invalidContractTermsAreRefusedWithEveryFieldNamedAndNothingStored() {
    String vendor = world.vendor("SC-CT", rm);
    String path = "/api/vendors/" + vendor + "/contract";
    assertThat(api.put(ADMIN, path, contract("5000", "10", 25, Map.of("csat", 50))).status())
        .isEqualTo(200);
    JsonNode before = ok(api.get(rm, path));

    List<Case> corpus = new ArrayList<>();
    corpus.add(
        new Case(
            "fee missing",
            without(contract("1", "10", 20, Map.of()), "monthlyFee"),
            422,
            "monthlyFee"));
    corpus.add(new Case("negative fee", contract("-1", "10", 20, Map.of()), 422, "monthlyFee"));
    corpus.add(
        new Case("fee with 3 decimals", contract("10.001", "10", 20, Map.of()), 422, "monthlyFee"));
    corpus.add(
        new Case(
            "at-risk share missing",
            without(contract("1", "10", 20, Map.of()), "atRiskPercent"),
            422,
            "atRiskPercent"));
    corpus.add(
        new Case(
            "at-risk share over 100",
            contract("1000", "100.01", 20, Map.of()),
            422,
            "atRiskPercent"));
    corpus.add(
        new Case(
            "negative at-risk share", contract("1000", "-5", 20, Map.of()), 422, "atRiskPercent"));
    corpus.add(
        new Case(
            "threshold missing",
            without(contract("1", "10", 20, Map.of()), "serviceLevelThresholdSeconds"),
            422,
            "serviceLevelThresholdSeconds"));
    corpus.add(
        new Case(
            "threshold 0",
            contract("1000", "10", 0, Map.of()),
            422,
            "serviceLevelThresholdSeconds"));
    corpus.add(
        new Case(
            "threshold over an hour",
            contract("1000", "10", 3601, Map.of()),
            422,
            "serviceLevelThresholdSeconds"));
    corpus.add(
        new Case(
            "fractional threshold",
            contract("1000", "10", 20.5, Map.of()),
            422,
            "serviceLevelThresholdSeconds"));
    corpus.add(
        new Case(
            "allocation over 100",
            contract("1000", "10", 20, Map.of("csat", 120)),
            422,
            "creditAllocations.csat"));
    corpus.add(
        new Case(
            "negative allocation",
            contract("1000", "10", 20, Map.of("fcr", -1)),
            422,
            "creditAllocations.fcr"));
    corpus.add(
        new Case(
            "allocation without a value",
            "{\"monthlyFee\": 1, \"atRiskPercent\": 1, \"serviceLevelThresholdSeconds\": 20, \"creditAllocations\": {\"csat\": null}}",
            422,
            "creditAllocations.csat"));
    corpus.add(
        new Case(
            "everything wrong at once",
            contract("-1", "200", 0, Map.of("aht", 101)),
            422,
            "monthlyFee",
            "atRiskPercent",
            "serviceLevelThresholdSeconds",
            "creditAllocations.aht"));
    corpus.add(
        new Case(
            "an unknown KPI",
            contract("1000", "10", 20, Map.of("happiness", 10)),
            400,
            "creditAllocations.happiness"));
    corpus.add(
        new Case(
            "an unknown property",
            "{\"monthlyFee\": 1, \"atRiskPercent\": 1, \"serviceLevelThresholdSeconds\": 20, \"discount\": 5}",
            400,
            "discount"));

    for (Case c : corpus) {
      JsonNode problem = assertProblem(api.put(rm, path, c.body()), c.status());
      assertThat(errorFields(problem)).as(c.name()).containsExactlyInAnyOrder(c.fields());
    }
    assertThat(ok(api.get(rm, path))).as("the terms stored before").isEqualTo(before);
  }

  @Test
  void creditedKpisMustBeInTheScorecardAndStayThere() {
    String vendor = world.vendor("SC-LINK", rm);
    String scorecard = "/api/vendors/" + vendor + "/scorecard";
    String contract = "/api/vendors/" + vendor + "/contract";
    assertThat(
            api.put(rm, scorecard, kpis(ordered("csat", kpi(85, 0, 50), "fcr", kpi(75, 0, 50))))
                .status())
        .isEqualTo(200);

    JsonNode noTarget =
        assertProblem(
            api.put(rm, contract, contract("1000", "10", 20, ordered("csat", 50, "nps", 50))), 422);
    assertThat(errorFields(noTarget)).containsExactly("creditAllocations.nps");

    assertThat(api.put(rm, contract, contract("1000", "10", 20, Map.of("fcr", 50))).status())
        .isEqualTo(200);
    JsonNode dropped =
        assertProblem(api.put(rm, scorecard, kpis(Map.of("csat", kpi(85, 0, 100)))), 422);
    assertThat(errorFields(dropped)).containsExactly("kpis.fcr");
    assertThat(dropped.at("/errors/0/message").asText()).contains("contract");
  }

  // --- who may do what
  // --------------------------------------------------------------------------------------

  @Test
  void aLeadSeesOnlyTheirOwnVendorsScorecardAndChangesNothing() {
    String own = vendorWithFiveRows();
    String other = vendorWithFiveRows();
    String lead = world.user("sc-lead", "BPO_LEAD", own);

    JsonNode card = ok(api.get(lead, "/api/vendors/" + own + "/scorecard?period=2026-Q3"));
    assertDecimal(card.get("total"), "92.71");
    assertProblem(api.get(lead, "/api/vendors/" + other + "/scorecard?period=2026-Q3"), 404);
    // another vendor's scorecard is 404 even with a bad period: nothing tells it exists
    assertProblem(api.get(lead, "/api/vendors/" + other + "/scorecard?period=nonsense"), 404);

    assertProblem(
        api.put(lead, "/api/vendors/" + own + "/scorecard", kpis(Map.of("fcr", kpi(75, 0, 100)))),
        403);
    assertProblem(
        api.put(lead, "/api/vendors/" + own + "/contract", contract("1", "1", 20, Map.of())), 403);
    assertProblem(api.get(lead, "/api/vendors/" + own + "/contract"), 403);

    // the definition: the kpis.md default until one is set; another vendor's is 404
    JsonNode definition = ok(api.get(lead, "/api/vendors/" + own + "/scorecard/definition"));
    assertThat(names(definition.get("kpis")))
        .containsExactly("csat", "nps", "ces", "fcr", "aht", "serviceLevel", "abandonRate");
    assertThat(definition.at("/kpis/csat/weight").asInt()).isEqualTo(20);
    assertProblem(api.get(lead, "/api/vendors/" + other + "/scorecard/definition"), 404);
  }

  @Test
  void internalRolesReadScorecardsAndOnlyManagersAndAdminsChangeThem() {
    String vendor = vendorWithFiveRows();
    String qa = world.user("sc-qa", "QA_ANALYST", null);
    String exec = world.user("sc-exec", "EXECUTIVE", null);
    for (String reader : List.of(qa, exec, rm, ADMIN)) {
      assertDecimal(
          ok(api.get(reader, "/api/vendors/" + vendor + "/scorecard?period=2026-Q3")).get("total"),
          "92.71");
      assertThat(api.get(reader, "/api/vendors/" + vendor + "/contract").status())
          .as(reader)
          .isEqualTo(200);
    }
    for (String writer : List.of(qa, exec)) {
      assertProblem(
          api.put(
              writer,
              "/api/vendors/" + vendor + "/scorecard",
              kpis(Map.of("fcr", kpi(75, 0, 100)))),
          403);
      assertProblem(
          api.put(writer, "/api/vendors/" + vendor + "/contract", contract("1", "1", 20, Map.of())),
          403);
    }
    assertThat(
            api.put(ADMIN, "/api/vendors/" + vendor + "/contract", contract("1", "1", 20, Map.of()))
                .status())
        .isEqualTo(200);
    assertProblem(api.get(null, "/api/vendors/" + vendor + "/scorecard?period=2026-Q3"), 401);
  }

  @Test
  void theOpenApiDescriptionHasTheScorecardAndContractEndpoints() {
    JsonNode paths = ok(api.get(null, "/v3/api-docs")).get("paths");
    assertThat(names(paths.get("/api/vendors/{id}/scorecard"))).contains("get", "put");
    assertThat(names(paths.get("/api/vendors/{id}/contract"))).contains("get", "put");
  }

  // --- helpers
  // ----------------------------------------------------------------------------------------------

  record Case(String name, Object body, int status, String... fields) {}

  static InteractionSeeder.Row row(
      String id,
      String channel,
      String startedAt,
      int handle,
      boolean resolved,
      Integer wait,
      boolean abandoned,
      Integer csat,
      Integer nps,
      Integer ces) {
    return new InteractionSeeder.Row(
        id,
        "agent-1",
        channel,
        Instant.parse(startedAt),
        handle,
        resolved,
        wait,
        abandoned,
        csat,
        nps,
        ces);
  }

  static Map<String, Object> kpi(Number target, Number zero, Number weight) {
    return ordered("target", target, "zero", zero, "weight", weight);
  }

  static Map<String, Object> kpis(Map<String, ?> kpis) {
    return Map.of("kpis", kpis);
  }

  static Map<String, Object> contract(
      String fee, String atRisk, Number threshold, Map<String, ?> allocations) {
    return ordered(
        "monthlyFee",
        new BigDecimal(fee),
        "atRiskPercent",
        new BigDecimal(atRisk),
        "serviceLevelThresholdSeconds",
        threshold,
        "creditAllocations",
        allocations);
  }

  static Map<String, Object> without(Map<String, Object> body, String field) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    copy.remove(field);
    return copy;
  }

  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  static void assertLine(
      JsonNode card,
      String key,
      String value,
      String target,
      String zero,
      int weight,
      String score) {
    JsonNode line = card.get("kpis").get(key);
    assertThat(line).as(key).isNotNull();
    assertDecimal(line.get("value"), value);
    assertDecimal(line.get("target"), target);
    assertDecimal(line.get("zero"), zero);
    assertThat(line.get("weight").asInt()).as(key + ".weight").isEqualTo(weight);
    assertDecimal(line.get("score"), score);
  }

  /** A JSON number equal to the expected decimal (the answers carry 2 decimals). */
  static void assertDecimal(JsonNode node, String expected) {
    assertThat(node).as("expected %s", expected).isNotNull();
    assertThat(node.isNumber()).as("%s is a JSON number", node).isTrue();
    assertThat(new BigDecimal(node.asText())).isEqualByComparingTo(expected);
  }

  static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
