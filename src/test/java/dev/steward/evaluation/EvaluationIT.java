package dev.steward.evaluation;

import static dev.steward.support.Problems.assertProblem;
import static dev.steward.support.Problems.errorFields;
import static dev.steward.support.Problems.errorMessages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.evaluation.EvaluationProcess.Elements;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An evaluation round end to end over real HTTP with the real delegates and engine: bids, the RM's
 * confirmation (refused while a bid is missing), two evaluators scoring through /api/tasks without
 * seeing each other's ratings, the ranking job, the executive's selection. Run on H2 and PostgreSQL
 * by the subclasses; the job executor is off, so the tests run the async jobs themselves.
 */
abstract class EvaluationIT {

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired EvaluationService evaluationService;
  @Autowired JdbcTemplate jdbc;

  Api api;
  Workflow flow;
  TestWorld world;
  String rm;
  String evaluatingRm;
  String executive;
  String qa;
  String alpha;
  String bravo;
  String alphaCode;
  String bravoCode;

  @BeforeEach
  void createWorld() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    rm = world.user("rm", "RELATIONSHIP_MANAGER", null);
    evaluatingRm = world.user("evalrm", "RELATIONSHIP_MANAGER", null);
    executive = world.user("exec", "EXECUTIVE", null);
    qa = world.user("qa", "QA_ANALYST", null);
    alpha = world.vendor("EVA", rm);
    bravo = world.vendor("EVB", rm);
    alphaCode = world.unique("EVA");
    bravoCode = world.unique("EVB");
  }

  @Test
  void aRoundIsScoredIndependentlyRankedAndTheExecutivesSelectionIsRecorded() {
    // --- open the round
    Api.Response opened =
        api.post(rm, "/api/evaluations", round(matrix(), evaluatingRm, executive));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    JsonNode round = opened.json();
    String id = round.path("id").asText();
    assertThat(opened.header("Location")).endsWith("/api/evaluations/" + id);
    assertThat(round.path("status").asText()).isEqualTo("BIDDING");
    assertThat(round.path("createdBy").asText()).isEqualTo(rm);
    assertThat(round.path("criteria").findValuesAsText("key"))
        .containsExactly("quality", "language", "price");
    assertThat(round.path("candidates").findValuesAsText("vendorCode"))
        .containsExactly(alphaCode, bravoCode);
    assertThat(round.path("evaluators").findValuesAsText("status"))
        .containsExactly("PENDING", "PENDING");
    assertThat(round.path("ranking").isNull()).isTrue();

    // --- bids; confirming while one is missing is refused, naming the vendor
    assertThat(bid(id, alpha, "10000.00").status()).isEqualTo(200);
    JsonNode confirm = flow.requireTask(rm, id, Elements.CONFIRM_BIDS);
    JsonNode missing = assertProblem(flow.complete(rm, confirm.path("id").asText(), Map.of()), 422);
    assertThat(missing.path("detail").asText()).contains(bravoCode).doesNotContain(alphaCode);
    assertThat(errorFields(missing)).containsExactly("bids." + bravoCode);
    assertThat(flow.tasks(evaluatingRm)).noneMatch(t -> id.equals(t.path("businessKey").asText()));

    Api.Response bravoBid = bid(id, bravo, "8000");
    assertThat(bravoBid.status()).as(bravoBid.body()).isEqualTo(200);
    assertThat(bravoBid.json().path("monthlyPrice").decimalValue()).isEqualByComparingTo("8000");
    assertThat(bravoBid.json().path("bidBy").asText()).isEqualTo(rm);
    flow.completeOk(rm, confirm.path("id").asText(), Map.of("bidsNote", "both in EUR"));
    assertProblem(bid(id, bravo, "7000"), 409);
    assertThat(get(rm, id).path("status").asText()).isEqualTo("SCORING");
    assertThat(get(rm, id).path("bidsClosedAt").isTextual()).isTrue();

    // --- each evaluator has their own score sheet task
    JsonNode rmTask = flow.requireTask(evaluatingRm, id, Elements.SCORE_CANDIDATES);
    JsonNode execTask = flow.requireTask(executive, id, Elements.SCORE_CANDIDATES);
    assertThat(rmTask.path("assignee").asText()).isEqualTo(evaluatingRm);
    assertThat(rmTask.path("due").asText()).isNotBlank();
    JsonNode form = api.get(evaluatingRm, "/api/tasks/" + rmTask.path("id").asText()).json();
    JsonNode scoresField = form.path("formFields").get(0);
    assertThat(scoresField.path("key").asText()).isEqualTo("scores");
    assertThat(scoresField.path("type").asText()).isEqualTo("dynamiclist");
    assertThat(scoresField.path("itemFields").findValuesAsText("key"))
        .contains("vendorCode", "criterion", "rating", "skipped");
    assertProblem(
        api.get(executive, "/api/tasks/" + rmTask.path("id").asText()), 404); // not theirs

    // an incomplete or invalid sheet is refused, every problem named
    JsonNode invalid =
        assertProblem(
            flow.complete(
                evaluatingRm,
                rmTask.path("id").asText(),
                Map.of(
                    "scores",
                    List.of(
                        score(alphaCode, "quality", 5),
                        score(alphaCode, "price", 3),
                        score("NOT-A-VENDOR", "quality", 2)))),
            422);
    assertThat(errorFields(invalid))
        .contains("scores[1].criterion", "scores[2].vendorCode", "scores");
    assertThat(errorMessages(invalid, "scores"))
        .contains("no rating for " + bravoCode + " on language: rate it 1-5, or skip it");

    flow.completeOk(
        evaluatingRm,
        rmTask.path("id").asText(),
        Map.of(
            "scores",
            List.of(
                score(alphaCode, "quality", 5),
                score(alphaCode, "language", 3),
                score(bravoCode, "quality", 4),
                score(bravoCode, "language", 3))));

    // the other evaluator sees that the first submitted, not the numbers; the first sees their own
    JsonNode seenByExecutive = get(executive, id);
    JsonNode rmSeenByExecutive = evaluator(seenByExecutive, evaluatingRm);
    assertThat(rmSeenByExecutive.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(rmSeenByExecutive.path("submittedAt").isTextual()).isTrue();
    assertThat(rmSeenByExecutive.path("scores").isNull()).isTrue();
    assertThat(seenByExecutive.toString()).doesNotContain("\"rating\"");
    assertThat(evaluator(get(qa, id), evaluatingRm).path("scores").isNull()).isTrue();
    JsonNode ownScores = evaluator(get(evaluatingRm, id), evaluatingRm).path("scores");
    assertThat(ownScores).hasSize(4);
    assertThat(runtimeService.getVariable(processInstanceId(id), EvaluationProcess.SCORES.name()))
        .as("ratings are not a process variable")
        .isNull();
    assertProblem(api.get(rm, "/api/evaluations/" + id + "/ranking"), 409);

    Map<String, Object> skipped = score(bravoCode, "language", null);
    skipped.put("skipped", true);
    flow.completeOk(
        executive,
        execTask.path("id").asText(),
        Map.of(
            "scores",
            List.of(
                score(alphaCode, "quality", 4),
                score(alphaCode, "language", 4),
                score(bravoCode, "quality", 4),
                skipped)));

    // --- the ranking job; by hand (lowest bid 8,000):
    // alpha: quality 5,4 → 87.5; language 3,4 → 62.5; price 80 → (3500 + 1875 + 2400) / 100 = 77.75
    // bravo: quality 4,4 → 75; language 3,skipped → 50; price 100 → (3000 + 1500 + 3000) / 100 = 75
    runJob(id, Elements.RANK_CANDIDATES);

    JsonNode ranking = api.get(qa, "/api/evaluations/" + id + "/ranking").json();
    assertThat(ranking.path("status").asText()).isEqualTo("RANKED");
    JsonNode first = ranking.path("ranking").get(0);
    JsonNode second = ranking.path("ranking").get(1);
    assertThat(first.path("vendorCode").asText()).isEqualTo(alphaCode);
    assertThat(first.path("rank").asInt()).isEqualTo(1);
    assertThat(first.path("total").decimalValue()).isEqualByComparingTo("77.75");
    assertThat(first.path("criteria").path("quality").path("points").decimalValue())
        .isEqualByComparingTo("87.50");
    assertThat(first.path("criteria").path("price").path("points").decimalValue())
        .isEqualByComparingTo("80.00");
    assertThat(second.path("vendorCode").asText()).isEqualTo(bravoCode);
    assertThat(second.path("total").decimalValue()).isEqualByComparingTo("75.00");
    assertThat(second.path("criteria").path("language").path("rated").asInt()).isEqualTo(1);
    assertThat(second.path("criteria").path("language").path("skipped").asInt()).isEqualTo(1);
    assertThat(second.path("criteria").path("language").path("meanRating").decimalValue())
        .isEqualByComparingTo("3.00");
    // once ranked, everyone internal sees every evaluator's ratings
    assertThat(evaluator(get(executive, id), evaluatingRm).path("scores")).hasSize(4);

    // --- the executive selects; a code that is not a candidate is refused
    JsonNode select = flow.requireTask(executive, id, Elements.SELECT_FOR_PILOT);
    JsonNode notCandidate =
        assertProblem(
            flow.complete(
                executive,
                select.path("id").asText(),
                Map.of("selectedVendorCodes", List.of("ACME-MNL"), "selectionReason", "cheap")),
            422);
    assertThat(errorFields(notCandidate)).containsExactly("selectedVendorCodes");
    assertProblem(
        flow.complete(
            executive,
            select.path("id").asText(),
            Map.of("selectedVendorCodes", List.of(alphaCode))),
        422); // the reason is required
    flow.completeOk(
        executive,
        select.path("id").asText(),
        Map.of(
            "selectedVendorCodes",
            List.of(alphaCode),
            "selectionReason",
            "Best total and the strongest quality ratings"));
    runJob(id, Elements.RECORD_SELECTION);

    JsonNode decided = get(rm, id);
    assertThat(decided.path("status").asText()).isEqualTo("DECIDED");
    JsonNode selection = decided.path("selection");
    assertThat(selection.path("selectedBy").asText()).isEqualTo(executive);
    assertThat(selection.path("selectedAt").isTextual()).isTrue();
    assertThat(selection.path("reason").asText())
        .isEqualTo("Best total and the strongest quality ratings");
    assertThat(selection.path("selectedVendorIds").get(0).asText()).isEqualTo(alpha);
    assertThat(selection.path("selectedVendorIds")).hasSize(1);
    assertThat(selection.path("rankingShown")).isEqualTo(ranking.path("ranking"));
    assertThat(decided.path("candidates").get(0).path("selected").asBoolean()).isTrue();
    assertThat(decided.path("candidates").get(1).path("selected").asBoolean()).isFalse();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .finished()
                .count())
        .isEqualTo(1);
    // a retried job records and notifies nothing twice
    assertThat(evaluationService.recordSelection(id, bravoCode, "again", "someone")).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where subject_id = ? and action = 'EVALUATION_SELECTION_RECORDED'",
                Integer.class,
                id))
        .isEqualTo(1);
    assertThat(get(rm, id).path("selection").path("selectedBy").asText()).isEqualTo(executive);
    // candidates' lifecycle phases are the lifecycle's business, untouched here
    assertThat(api.get(rm, "/api/vendors/" + alpha).json().path("lifecyclePhase").asText())
        .isEqualTo("EVALUATION");
  }

  @Test
  void withoutCriteriaTheRoundUsesProductMdsEightAndIsListed() {
    Map<String, Object> body = round(null, evaluatingRm, qa);
    body.remove("criteria");
    body.remove("dueAt");
    Api.Response opened = api.post(TestProperties.ADMIN, "/api/evaluations", body);

    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    JsonNode criteria = opened.json().path("criteria");
    assertThat(criteria.findValuesAsText("key"))
        .containsExactly(
            "industryExperience",
            "technology",
            "serviceCapabilities",
            "languageProficiency",
            "cultureFit",
            "security",
            "price",
            "references");
    int sum = 0;
    for (JsonNode c : criteria) {
      sum += c.path("weight").asInt();
    }
    assertThat(sum).isEqualTo(100);
    String id = opened.json().path("id").asText();
    JsonNode listed = null;
    for (JsonNode r : api.get(executive, "/api/evaluations").json()) {
      if (id.equals(r.path("id").asText())) {
        listed = r;
      }
    }
    assertThat(listed).as("listed").isNotNull();
    assertThat(listed.path("candidates").asInt()).isEqualTo(2);
    assertThat(listed.path("evaluators").asInt()).isEqualTo(2);
    assertThat(listed.path("submitted").asInt()).isZero();
    // the admin opened it, so the admin confirms the bids
    assertThat(flow.task(TestProperties.ADMIN, id, Elements.CONFIRM_BIDS)).isPresent();
  }

  @Test
  void anInvalidRoundIsRefusedNamingEveryProblem() {
    String operating = operatingVendor("EVO");
    String lead = world.user("lead", "BPO_LEAD", alpha);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", " ");
    body.put(
        "criteria", List.of(criterion("quality", "Quality", 60), criterion("price", "Price", 30)));
    body.put("candidateVendorIds", List.of(alpha, operating, "no-such-vendor"));
    body.put("evaluators", List.of(evaluatingRm, lead, "nobody-at-all"));
    body.put("dueAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());

    JsonNode problem = assertProblem(api.post(rm, "/api/evaluations", body), 422);

    assertThat(errorFields(problem))
        .containsExactlyInAnyOrder(
            "name",
            "criteria",
            "candidateVendorIds[1]",
            "candidateVendorIds[2]",
            "evaluators[1]",
            "evaluators[2]",
            "dueAt");
    assertThat(errorMessages(problem, "criteria"))
        .containsExactly("the weights must add up to 100, they add up to 90");
    assertThat(errorMessages(problem, "candidateVendorIds[1]").get(0))
        .contains("phase OPERATING", "EVALUATION");

    Map<String, Object> empty = new LinkedHashMap<>();
    empty.put("name", "Empty");
    empty.put("candidateVendorIds", List.of());
    empty.put("evaluators", List.of());
    assertThat(errorFields(assertProblem(api.post(rm, "/api/evaluations", empty), 422)))
        .containsExactly("candidateVendorIds", "evaluators");
    Map<String, Object> unknownProperty = round(matrix(), evaluatingRm, executive);
    unknownProperty.put("winner", alpha);
    assertProblem(api.post(rm, "/api/evaluations", unknownProperty), 400);
  }

  @Test
  void onlyBrandStaffSeeRoundsAndOnlyRmsAndAdminsChangeThem() {
    String lead = world.user("lead", "BPO_LEAD", alpha);
    String id =
        api.post(rm, "/api/evaluations", round(matrix(), executive)).json().path("id").asText();

    assertProblem(api.post(lead, "/api/evaluations", round(matrix(), executive)), 403);
    assertProblem(api.post(executive, "/api/evaluations", round(matrix(), executive)), 403);
    assertProblem(api.get(lead, "/api/evaluations"), 403);
    assertProblem(api.get(lead, "/api/evaluations/" + id), 403);
    assertProblem(api.get(lead, "/api/evaluations/" + id + "/ranking"), 403);
    assertProblem(bid(lead, id, alpha, "1"), 403);
    assertProblem(bid(qa, id, alpha, "1"), 403);
    assertProblem(api.get(null, "/api/evaluations"), 401);
    assertThat(api.get(qa, "/api/evaluations/" + id).status()).isEqualTo(200);
    assertProblem(api.get(qa, "/api/evaluations/no-such-round"), 404);

    // bids: only candidates, only sensible prices
    assertProblem(bid(id, operatingVendor("EVX"), "100"), 404);
    assertThat(errorFields(assertProblem(bid(id, alpha, "0"), 422)))
        .containsExactly("monthlyPrice");
    assertThat(errorFields(assertProblem(bid(id, alpha, "10.005"), 422)))
        .containsExactly("monthlyPrice");
    assertThat(bid(TestProperties.ADMIN, id, alpha, "12.5").status()).isEqualTo(200);
    assertProblem(bid("/api/evaluations/no-such-round/bids/" + alpha), 404);
  }

  // --- helpers

  private Api.Response bid(String id, String vendorId, String price) {
    return bid(rm, id, vendorId, price);
  }

  private Api.Response bid(String user, String id, String vendorId, String price) {
    return api.put(
        user,
        "/api/evaluations/" + id + "/bids/" + vendorId,
        Map.of("monthlyPrice", new java.math.BigDecimal(price)));
  }

  private Api.Response bid(String path) {
    return api.put(rm, path, Map.of("monthlyPrice", 10));
  }

  private JsonNode get(String user, String id) {
    Api.Response response = api.get(user, "/api/evaluations/" + id);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode evaluator(JsonNode round, String username) {
    for (JsonNode e : round.path("evaluators")) {
      if (username.equals(e.path("username").asText())) {
        return e;
      }
    }
    throw new AssertionError(username + " is not an evaluator of " + round);
  }

  private String processInstanceId(String roundId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(roundId)
        .processDefinitionKey(EvaluationProcess.PROCESS_KEY)
        .singleResult()
        .getId();
  }

  private void runJob(String roundId, String activityId) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(processInstanceId(roundId))
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("job of %s", activityId).isNotNull();
    managementService.executeJob(job.getId());
  }

  private String operatingVendor(String code) {
    Map<String, Object> body = new LinkedHashMap<>(TestWorld.vendorBody(world.unique(code)));
    body.put("lifecyclePhase", "OPERATING");
    Api.Response response = api.post(TestProperties.ADMIN, "/api/vendors", body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().path("id").asText();
  }

  private Map<String, Object> round(List<Map<String, Object>> criteria, String... evaluators) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", world.unique("German-language support"));
    body.put("criteria", criteria);
    body.put("candidateVendorIds", List.of(alpha, bravo));
    body.put("evaluators", List.of(evaluators));
    body.put("dueAt", Instant.now().plus(7, ChronoUnit.DAYS).toString());
    return body;
  }

  private static List<Map<String, Object>> matrix() {
    return List.of(
        criterion("quality", "Service quality", 40),
        criterion("language", "Language proficiency", 30),
        criterion("price", "Price", 30));
  }

  private static Map<String, Object> criterion(String key, String name, int weight) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("key", key);
    c.put("name", name);
    c.put("weight", weight);
    return c;
  }

  private static Map<String, Object> score(String vendorCode, String criterion, Integer rating) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("vendorCode", vendorCode);
    item.put("criterion", criterion);
    item.put("rating", rating);
    return item;
  }
}
