package dev.steward.qa;

import static dev.steward.support.Problems.assertProblem;
import static dev.steward.support.Problems.errorFields;
import static dev.steward.support.Problems.errorMessages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * QA scorecards and calibration sessions end to end over real HTTP: real users, the real delegates,
 * listeners and engine. The job executor is off, so the test runs the report's job itself. Run on
 * H2 and on PostgreSQL by the subclasses.
 */
abstract class QaCalibrationIT {

  static final String CSV_HEADER =
      "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;

  Api api;
  Workflow flow;
  TestWorld world;
  String rm;
  String qa1;
  String qa2;
  String vendorId;
  String otherVendorId;
  String lead;

  @BeforeEach
  void createWorld() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    rm = world.user("qac-rm", "RELATIONSHIP_MANAGER", null);
    qa1 = world.user("qac-qa1", "QA_ANALYST", null);
    qa2 = world.user("qac-qa2", "QA_ANALYST", null);
    vendorId = world.vendor("QAC", rm);
    otherVendorId = world.vendor("QAC-OTHER", rm);
    lead = world.user("qac-lead", "BPO_LEAD", vendorId);
    importInteractions(vendorId, "C-1", "C-2", "C-3");
    importInteractions(otherVendorId, "C-9");
  }

  // --- the QA scorecard

  @Test
  void theQaScorecardIsTheDefaultSetUntilOneIsSet() {
    Api.Response response = api.get(lead, scorecardPath(vendorId));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode scorecard = response.json();
    assertThat(scorecard.path("vendorId").asText()).isEqualTo(vendorId);
    assertThat(scorecard.path("passMark").decimalValue()).isEqualByComparingTo("80");
    assertThat(keys(scorecard.path("categories")))
        .containsExactly(
            "greeting", "tone", "correctness", "crossSell", "salutation", "policyCompliance");
    JsonNode policy = scorecard.path("categories").get(5);
    assertThat(policy.path("name").asText()).isEqualTo("Policy compliance");
    assertThat(policy.path("weight").asInt()).isEqualTo(20);
    assertThat(policy.path("min").asInt()).isZero();
    assertThat(policy.path("max").asInt()).isEqualTo(1);
    assertThat(policy.path("critical").asBoolean()).isTrue();
    assertThat(api.get(TestProperties.ADMIN, scorecardPath(vendorId)).status()).isEqualTo(200);
    assertThat(api.get(qa1, scorecardPath(vendorId)).status()).isEqualTo(200);
  }

  @Test
  void aQaAnalystSetsTheScorecardAndTheChangeIsAuditLogged() {
    Api.Response put = api.put(qa1, scorecardPath(vendorId), calibrationScorecard());

    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().path("passMark").decimalValue()).isEqualByComparingTo("70");
    JsonNode stored = api.get(rm, scorecardPath(vendorId)).json();
    assertThat(stored.path("passMark").decimalValue()).isEqualByComparingTo("70");
    assertThat(keys(stored.path("categories"))).containsExactly("accuracy", "empathy", "closing");
    JsonNode accuracy = stored.path("categories").get(0);
    assertThat(accuracy.path("name").asText()).isEqualTo("Accuracy");
    assertThat(accuracy.path("weight").asInt()).isEqualTo(2);
    assertThat(accuracy.path("critical").asBoolean()).isTrue();
    assertThat(stored.path("categories").get(1).path("critical").asBoolean())
        .as("critical is optional")
        .isFalse();
    assertThat(
            jdbc.queryForList(
                "select actor from audit_event where action = 'QA_SCORECARD_CHANGED' and subject_id = ?",
                String.class,
                vendorId))
        .containsExactly(qa1);

    // the other vendor keeps the default
    assertThat(api.get(rm, scorecardPath(otherVendorId)).json().path("categories").size())
        .isEqualTo(6);
    // the RM and the administrator may change it as well
    assertThat(api.put(rm, scorecardPath(vendorId), calibrationScorecard()).status())
        .isEqualTo(200);
    assertThat(
            api.put(TestProperties.ADMIN, scorecardPath(vendorId), calibrationScorecard()).status())
        .isEqualTo(200);
  }

  @Test
  void anInvalidScorecardIsRefusedWithEveryProblemAndNothingIsStored() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("passMark", 120);
    body.put(
        "categories",
        List.of(
            category("accuracy", "Accuracy", 2, 1, 5, true),
            category("Accuracy 2", "", 1, 1, 5, false),
            category("empathy", "Empathy", 0, 5, 5, null),
            category("accuracy", "Again", 2.5, 0, 101, false)));

    JsonNode problem = assertProblem(api.put(qa1, scorecardPath(vendorId), body), 422);

    assertThat(errorFields(problem))
        .containsExactly(
            "categories[3].weight",
            "passMark",
            "categories[1].key",
            "categories[1].name",
            "categories[2].weight",
            "categories[2].max",
            "categories[3].key",
            "categories[3].max");
    assertThat(errorMessages(problem, "categories[2].weight"))
        .containsExactly("must be greater than 0");
    assertThat(errorMessages(problem, "categories[2].max"))
        .containsExactly("must be greater than min (5)");
    assertThat(errorMessages(problem, "categories[3].weight"))
        .containsExactly("must be a whole number greater than 0");
    assertThat(errorMessages(problem, "categories[3].key"))
        .containsExactly("'accuracy' is used by another category");
    assertThat(api.get(rm, scorecardPath(vendorId)).json().path("categories").size())
        .as("nothing stored: still the default")
        .isEqualTo(6);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where action = 'QA_SCORECARD_CHANGED' and subject_id = ?",
                Integer.class,
                vendorId))
        .isZero();

    JsonNode missing =
        assertProblem(
            api.put(qa1, scorecardPath(vendorId), Map.of("categories", List.of(Map.of()))), 422);
    assertThat(errorFields(missing))
        .containsExactly(
            "passMark",
            "categories[0].weight",
            "categories[0].min",
            "categories[0].max",
            "categories[0].key",
            "categories[0].name");
    assertThat(errorFields(assertProblem(api.put(qa1, scorecardPath(vendorId), Map.of()), 422)))
        .containsExactly("passMark", "categories");
  }

  @Test
  void unknownPropertiesAreABadRequest() {
    Map<String, Object> body = new LinkedHashMap<>(calibrationScorecard());
    body.put("owner", "me");
    assertProblem(api.put(qa1, scorecardPath(vendorId), body), 400);

    Map<String, Object> withExtraCategoryProperty = new LinkedHashMap<>(calibrationScorecard());
    Map<String, Object> category = category("tone", "Tone", 1, 1, 5, false);
    category.put("colour", "red");
    withExtraCategoryProperty.put("categories", List.of(category));
    JsonNode problem =
        assertProblem(api.put(qa1, scorecardPath(vendorId), withExtraCategoryProperty), 400);
    assertThat(errorFields(problem)).containsExactly("categories[0].colour");
  }

  @Test
  void theScorecardIsScopedByVendorAndRole() {
    String otherLead = world.user("qac-other-lead", "BPO_LEAD", otherVendorId);
    assertProblem(api.get(otherLead, scorecardPath(vendorId)), 404);
    assertProblem(api.put(lead, scorecardPath(vendorId), calibrationScorecard()), 403);
    assertProblem(
        api.put(
            world.user("qac-exec", "EXECUTIVE", null),
            scorecardPath(vendorId),
            calibrationScorecard()),
        403);
    assertProblem(api.get(rm, scorecardPath("no-such-vendor")), 404);
    assertProblem(api.put(qa1, scorecardPath("no-such-vendor"), calibrationScorecard()), 404);
    assertProblem(api.get(null, scorecardPath(vendorId)), 401);
  }

  // --- calibration sessions

  @Test
  void aCalibrationSessionFromStartToReport() {
    assertThat(api.put(rm, scorecardPath(vendorId), calibrationScorecard()).status())
        .isEqualTo(200);
    Api.Response started =
        api.post(
            qa1,
            calibrationsPath(vendorId),
            Map.of("interactionIds", List.of("C-1", "C-2"), "analysts", List.of(qa1, qa2)));

    assertThat(started.status()).as(started.body()).isEqualTo(201);
    JsonNode session = started.json();
    String id = session.path("id").asText();
    assertThat(started.header("Location")).endsWith("/api/qa-calibrations/" + id);
    assertThat(session.path("vendorId").asText()).isEqualTo(vendorId);
    assertThat(session.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(session.path("requestedBy").asText()).isEqualTo(qa1);
    assertThat(session.path("passMark").decimalValue()).isEqualByComparingTo("70");
    assertThat(keys(session.path("categories"))).containsExactly("accuracy", "empathy", "closing");
    assertThat(texts(session.path("interactionIds"))).containsExactly("C-1", "C-2");
    assertThat(session.path("totalAudits").asInt()).isEqualTo(4);
    assertThat(session.path("submittedAudits").asInt()).isZero();
    assertThat(session.path("report").isNull()).isTrue();
    String processInstanceId = session.path("processInstanceId").asText();
    assertThat(runtimeService.getVariable(processInstanceId, "vendorId")).isEqualTo(vendorId);

    // a later change of the vendor's scorecard does not change the running session
    assertThat(
            api.put(
                    rm,
                    scorecardPath(vendorId),
                    Map.of(
                        "passMark",
                        50,
                        "categories",
                        List.of(category("tone", "Tone", 1, 1, 5, false))))
                .status())
        .isEqualTo(200);

    // each analyst has their own two tasks, nobody else's
    List<JsonNode> qa1Tasks = tasksOf(qa1, id);
    List<JsonNode> qa2Tasks = tasksOf(qa2, id);
    assertThat(qa1Tasks).hasSize(2);
    assertThat(qa2Tasks).hasSize(2);
    assertThat(qa1Tasks).allSatisfy(t -> assertThat(t.path("assignee").asText()).isEqualTo(qa1));
    assertThat(qa1Tasks)
        .allSatisfy(t -> assertThat(t.path("vendorId").asText()).isEqualTo(vendorId));
    assertThat(qa1Tasks)
        .allSatisfy(t -> assertThat(t.path("processKey").asText()).isEqualTo("QaCalibration"));
    assertThat(tasksOf(rm, id)).isEmpty();
    assertThat(tasksOf(lead, id)).isEmpty();
    String qa2Task = qa2Tasks.get(0).path("id").asText();
    assertProblem(api.get(qa1, "/api/tasks/" + qa2Task), 404);
    assertProblem(flow.complete(qa1, qa2Task, submission(5, 5, 5, "mine now")), 404);

    JsonNode detail = api.get(qa1, "/api/tasks/" + qa1Tasks.get(0).path("id").asText()).json();
    assertThat(detail.path("description").asText()).contains("Audit interaction C-");
    List<String> formKeys = new ArrayList<>();
    detail.path("formFields").forEach(f -> formKeys.add(f.path("key").asText()));
    assertThat(formKeys).containsExactly("ratings", "comment");

    // qa1: C-1 accuracy 5, empathy 4, closing 3; C-2 accuracy 2 (critical below 50), empathy 5,
    // closing 5
    flow.completeOk(qa1, taskFor(qa1, id, "C-1"), submission(5, 4, 3, "solid call"));
    flow.completeOk(qa1, taskFor(qa1, id, "C-2"), submission(2, 5, 5, "wrong refund amount"));

    // half way: nobody sees anybody's ratings yet
    Api.Response halfWay = api.get(qa2, "/api/qa-calibrations/" + id);
    assertThat(halfWay.status()).isEqualTo(200);
    JsonNode progress = halfWay.json();
    assertThat(progress.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(progress.path("report").isNull()).isTrue();
    assertThat(progress.path("submittedAudits").asInt()).isEqualTo(2);
    assertThat(progress.path("analysts").get(0).path("analyst").asText()).isEqualTo(qa1);
    assertThat(progress.path("analysts").get(0).path("submittedAudits").asInt()).isEqualTo(2);
    assertThat(progress.path("analysts").get(1).path("submittedAudits").asInt()).isZero();
    assertThat(halfWay.body()).doesNotContain("solid call", "wrong refund amount", "81.25");

    // qa2 first rates accuracy 9 (scale 1-5) and leaves empathy empty: refused, task still open
    String qa2OnC1 = taskFor(qa2, id, "C-1");
    Map<String, Object> invalid = new LinkedHashMap<>();
    invalid.put(
        "ratings",
        List.of(
            rating("accuracy", 9),
            rating("empathy", null),
            Map.of("category", "closing", "rating", 2, "notApplicable", true)));
    JsonNode refused = assertProblem(flow.complete(qa2, qa2OnC1, invalid), 422);
    assertThat(errorFields(refused))
        .containsExactly("ratings[0].rating", "ratings[1].rating", "ratings[2].rating");
    assertThat(errorMessages(refused, "ratings[0].rating"))
        .containsExactly("must be a whole number from 1 to 5");
    assertThat(errorMessages(refused, "ratings[1].rating"))
        .containsExactly("is required: a whole number from 1 to 5, or mark it N/A");
    assertThat(errorMessages(refused, "ratings[2].rating"))
        .containsExactly("must be empty when the category is marked N/A");
    assertThat(refused.path("detail").asText())
        .startsWith("The calibration audit has invalid ratings: ratings[0].rating must be");
    assertThat(tasksOf(qa2, id)).hasSize(2);

    // qa2: C-1 accuracy 4, empathy 2, closing N/A; C-2 accuracy 3, empathy 5, closing 4
    Map<String, Object> withNotApplicable = new LinkedHashMap<>();
    withNotApplicable.put(
        "ratings",
        List.of(
            rating("accuracy", 4),
            rating("empathy", 2),
            Map.of("category", "closing", "name", "Closing (1–5)", "notApplicable", true)));
    withNotApplicable.put("comment", "closing not reached");
    flow.completeOk(qa2, qa2OnC1, withNotApplicable);
    assertThat(api.get(rm, "/api/qa-calibrations/" + id).json().path("report").isNull()).isTrue();
    flow.completeOk(qa2, taskFor(qa2, id, "C-2"), submission(3, 5, 4, null));

    // every audit in; the continuation after each audit and then the report are jobs of their own
    assertThat(api.get(rm, "/api/qa-calibrations/" + id).json().path("status").asText())
        .isEqualTo("IN_PROGRESS");
    List<Job> continuations =
        managementService
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .activityId(QaCalibrationProcess.Elements.AUDIT_INTERACTION)
            .list();
    assertThat(continuations).hasSize(4);
    continuations.forEach(job -> managementService.executeJob(job.getId()));
    Job report =
        managementService
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .activityId(QaCalibrationProcess.Elements.COMPUTE_REPORT)
            .singleResult();
    managementService.executeJob(report.getId());
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .count())
        .isZero();

    JsonNode done = api.get(TestProperties.ADMIN, "/api/qa-calibrations/" + id).json();
    assertThat(done.path("status").asText()).isEqualTo("COMPLETE");
    assertThat(done.path("completedAt").asText()).isNotBlank();
    assertThat(keys(done.path("categories")))
        .as("scored with the scorecard of the start")
        .containsExactly("accuracy", "empathy", "closing");
    JsonNode result = done.path("report");

    // audit scores (weights accuracy 2, empathy 1, closing 1; category score = 100 (r − 1) / 4):
    //   qa1 C-1: (2·100 + 75 + 50) / 4 = 81.25           passes (≥ 70)
    //   qa1 C-2: accuracy 2 → 25 < 50, critical → 0     auto-failed
    //   qa2 C-1: (2·75 + 25) / 3 = 58.333… (closing N/A)
    //   qa2 C-2: (2·50 + 100 + 75) / 4 = 68.75          fails (< 70)
    JsonNode audits = result.path("audits");
    assertThat(audits.size()).isEqualTo(4);
    assertAudit(audits.get(0), qa1, "C-1", "81.25", true, false);
    assertThat(audits.get(0).path("comment").asText()).isEqualTo("solid call");
    assertAudit(audits.get(1), qa1, "C-2", "0.00", false, true);
    assertAudit(audits.get(2), qa2, "C-1", "58.33", false, false);
    assertAudit(audits.get(3), qa2, "C-2", "68.75", false, false);
    JsonNode closingNa = audits.get(2).path("ratings").get(2);
    assertThat(closingNa.path("category").asText()).isEqualTo("closing");
    assertThat(closingNa.path("notApplicable").asBoolean()).isTrue();
    assertThat(closingNa.path("rating").isNull()).isTrue();
    assertThat(closingNa.path("categoryScore").isNull()).isTrue();
    assertThat(audits.get(1).path("ratings").get(0).path("categoryScore").decimalValue())
        .isEqualByComparingTo("25");

    // medians: C-1 (58.333… + 81.25) / 2 = 69.7916… → 69.79; C-2 (0 + 68.75) / 2 = 34.375 → 34.38
    JsonNode interactions = result.path("interactions");
    assertThat(interactions.get(0).path("interactionId").asText()).isEqualTo("C-1");
    assertThat(interactions.get(0).path("medianScore").decimalValue())
        .isEqualByComparingTo("69.79");
    assertThat(interactions.get(0).path("scoredAudits").asInt()).isEqualTo(2);
    assertThat(interactions.get(1).path("medianScore").decimalValue())
        .isEqualByComparingTo("34.38");

    // alignment: qa1 |81.25 − 69.7917| = 11.4583, |0 − 34.375| = 34.375: mean 22.9167 → 77.08
    //            qa2 |58.3333 − 69.7917| = 11.4583, |68.75 − 34.375| = 34.375: the same 77.08
    //            (with two analysts the median lies halfway, so both are equally aligned)
    JsonNode analysts = result.path("analysts");
    assertThat(analysts.get(0).path("analyst").asText()).isEqualTo(qa1);
    assertThat(analysts.get(0).path("alignment").decimalValue()).isEqualByComparingTo("77.08");
    assertThat(analysts.get(0).path("comparedInteractions").asInt()).isEqualTo(2);
    assertThat(analysts.get(1).path("alignment").decimalValue()).isEqualByComparingTo("77.08");

    // population SD pooled within interactions:
    //   accuracy C-1 100, 75; C-2 25, 50: squares 312.5 + 312.5 = 625, / 4 = 156.25, √ = 12.50
    //   empathy  C-1 75, 25; C-2 100, 100: squares 1250 + 0, / 4 = 312.5, √ = 17.68
    //   closing  C-1 50 (qa2 N/A); C-2 100, 75: squares 0 + 312.5, / 3 = 104.17, √ = 10.21
    JsonNode spread = result.path("categories");
    assertSpread(spread.get(0), "accuracy", "12.50", 4);
    assertSpread(spread.get(1), "empathy", "17.68", 4);
    assertSpread(spread.get(2), "closing", "10.21", 3);

    // the list
    Api.Response list = api.get(rm, calibrationsPath(vendorId));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().size()).isEqualTo(1);
    assertThat(list.json().get(0).path("id").asText()).isEqualTo(id);
    assertThat(list.json().get(0).path("status").asText()).isEqualTo("COMPLETE");
    assertThat(list.json().get(0).path("submittedAudits").asInt()).isEqualTo(4);
    assertThat(texts(list.json().get(0).path("analysts"))).containsExactly(qa1, qa2);

    assertThat(
            jdbc.queryForList(
                "select action from audit_event where subject_type = 'qa-calibration' and subject_id = ? order by id",
                String.class,
                id))
        .containsExactly(
            "QA_CALIBRATION_STARTED",
            "QA_CALIBRATION_AUDIT_SUBMITTED",
            "QA_CALIBRATION_AUDIT_SUBMITTED",
            "QA_CALIBRATION_AUDIT_SUBMITTED",
            "QA_CALIBRATION_AUDIT_SUBMITTED",
            "QA_CALIBRATION_REPORTED");
  }

  @Test
  void aBpoLeadCannotSeeOrStartSessions() {
    String id = startSession(vendorId, List.of("C-1"), List.of(qa1, qa2));

    assertProblem(api.get(lead, "/api/qa-calibrations/" + id), 403);
    assertProblem(api.get(lead, calibrationsPath(vendorId)), 403);
    assertProblem(
        api.post(
            lead,
            calibrationsPath(vendorId),
            Map.of("interactionIds", List.of("C-1"), "analysts", List.of(qa1, qa2))),
        403);
    assertThat(tasksOf(lead, id)).isEmpty();
    // an executive reads it; nobody can start one for a vendor that does not exist
    assertThat(
            api.get(world.user("qac-exec", "EXECUTIVE", null), "/api/qa-calibrations/" + id)
                .status())
        .isEqualTo(200);
    assertProblem(api.get(rm, "/api/qa-calibrations/no-such-session"), 404);
    assertProblem(
        api.post(
            rm,
            calibrationsPath("no-such-vendor"),
            Map.of("interactionIds", List.of("C-1"), "analysts", List.of(qa1, qa2))),
        404);
    assertProblem(api.get(rm, calibrationsPath("no-such-vendor")), 404);
  }

  @Test
  void aSessionNeedsTheVendorsInteractionsAndQaAnalysts() {
    JsonNode problem =
        assertProblem(
            api.post(
                rm,
                calibrationsPath(vendorId),
                Map.of(
                    "interactionIds", List.of("C-1", "NOPE", "C-1", "C-9"),
                    "analysts", List.of(qa1, rm, "ghost-" + qa1, qa1))),
            422);

    assertThat(errorFields(problem))
        .containsExactly(
            "interactionIds[1]",
            "interactionIds[2]",
            "interactionIds[3]",
            "analysts[1]",
            "analysts[2]",
            "analysts[3]");
    assertThat(errorMessages(problem, "interactionIds[3]"))
        .containsExactly("the vendor has no interaction 'C-9'");
    assertThat(errorMessages(problem, "analysts[1]"))
        .containsExactly("'" + rm + "' is not a QA analyst");
    assertThat(errorMessages(problem, "analysts[3]"))
        .containsExactly("'" + qa1 + "' is listed twice");

    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      tooMany.add("C-" + i);
    }
    assertThat(
            errorFields(
                assertProblem(
                    api.post(
                        rm,
                        calibrationsPath(vendorId),
                        Map.of("interactionIds", tooMany, "analysts", List.of(qa1))),
                    422)))
        .containsExactly("interactionIds", "analysts");
    assertThat(
            errorFields(
                assertProblem(
                    api.post(
                        rm,
                        calibrationsPath(vendorId),
                        Map.of("interactionIds", List.of(), "analysts", List.of())),
                    422)))
        .containsExactly("interactionIds", "analysts");
    assertThat(errorFields(assertProblem(api.post(rm, calibrationsPath(vendorId), Map.of()), 422)))
        .containsExactly("interactionIds", "analysts");
    assertProblem(
        api.post(
            rm,
            calibrationsPath(vendorId),
            Map.of(
                "interactionIds",
                List.of("C-1"),
                "analysts",
                List.of(qa1, qa2),
                "deadline",
                "soon")),
        400);

    assertThat(api.get(rm, calibrationsPath(vendorId)).json().size()).as("nothing stored").isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from qa_calibration where vendor_id = ?", Integer.class, vendorId))
        .isZero();
  }

  // --- helpers

  void importInteractions(String vendor, String... ids) {
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (String id : ids) {
      csv.append(id).append(",agent-7,PHONE,2026-07-01T09:00:00Z,300,true\n");
    }
    Api.Response response =
        api.postRaw(rm, "/api/vendors/" + vendor + "/interactions", csv.toString(), "text/csv");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  String startSession(String vendor, List<String> interactionIds, List<String> analysts) {
    Api.Response response =
        api.post(
            rm,
            calibrationsPath(vendor),
            Map.of("interactionIds", interactionIds, "analysts", analysts));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().path("id").asText();
  }

  static String scorecardPath(String vendor) {
    return "/api/vendors/" + vendor + "/qa-scorecard";
  }

  static String calibrationsPath(String vendor) {
    return "/api/vendors/" + vendor + "/qa-calibrations";
  }

  /** accuracy (w 2, 1–5, critical), empathy (w 1, 1–5), closing (w 1, 1–5); pass mark 70. */
  static Map<String, Object> calibrationScorecard() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("passMark", 70);
    body.put(
        "categories",
        List.of(
            category("accuracy", "Accuracy", 2, 1, 5, true),
            category("empathy", "Empathy", 1, 1, 5, null),
            category("closing", "Closing", 1, 1, 5, false)));
    return body;
  }

  static Map<String, Object> category(
      String key, String name, Number weight, int min, int max, Boolean critical) {
    Map<String, Object> category = new LinkedHashMap<>();
    category.put("key", key);
    category.put("name", name);
    category.put("weight", weight);
    category.put("min", min);
    category.put("max", max);
    if (critical != null) {
      category.put("critical", critical);
    }
    return category;
  }

  static Map<String, Object> rating(String category, Integer rating) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("category", category);
    item.put("rating", rating);
    item.put("notApplicable", false);
    return item;
  }

  static Map<String, Object> submission(int accuracy, int empathy, int closing, String comment) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "ratings",
        List.of(
            rating("accuracy", accuracy), rating("empathy", empathy), rating("closing", closing)));
    if (comment != null) {
      body.put("comment", comment);
    }
    return body;
  }

  List<JsonNode> tasksOf(String user, String calibrationId) {
    return flow.tasks(user).stream()
        .filter(t -> calibrationId.equals(t.path("businessKey").asText()))
        .toList();
  }

  /** The user's open task of the session for that interaction (from the task's description). */
  String taskFor(String user, String calibrationId, String interactionId) {
    for (JsonNode task : tasksOf(user, calibrationId)) {
      String taskId = task.path("id").asText();
      JsonNode detail = api.get(user, "/api/tasks/" + taskId).json();
      if (detail.path("description").asText().contains("interaction " + interactionId + " ")) {
        return taskId;
      }
    }
    throw new AssertionError(user + " has no open task for " + interactionId);
  }

  static void assertAudit(
      JsonNode audit,
      String analyst,
      String interactionId,
      String score,
      boolean passed,
      boolean autoFailed) {
    assertThat(audit.path("analyst").asText()).isEqualTo(analyst);
    assertThat(audit.path("interactionId").asText()).isEqualTo(interactionId);
    assertThat(audit.path("score").decimalValue()).as(audit.toString()).isEqualByComparingTo(score);
    assertThat(audit.path("passed").asBoolean()).as(audit.toString()).isEqualTo(passed);
    assertThat(audit.path("autoFailed").asBoolean()).as(audit.toString()).isEqualTo(autoFailed);
  }

  static void assertSpread(JsonNode spread, String category, String sd, int ratings) {
    assertThat(spread.path("category").asText()).isEqualTo(category);
    assertThat(spread.path("standardDeviation").decimalValue())
        .as(spread.toString())
        .isEqualByComparingTo(sd);
    assertThat(spread.path("ratings").asInt()).isEqualTo(ratings);
  }

  static List<String> keys(JsonNode categories) {
    List<String> keys = new ArrayList<>();
    categories.forEach(c -> keys.add(c.path("key").asText()));
    return keys;
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }
}
