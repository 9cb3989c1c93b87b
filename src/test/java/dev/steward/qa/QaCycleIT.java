package dev.steward.qa;

import static dev.steward.support.Problems.assertProblem;
import static dev.steward.support.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.qa.QaCycleProcess.Elements;
import dev.steward.support.Api;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A QA cycle end to end over real HTTP: interactions imported through the CSV endpoint, a cycle
 * started through the API, audits completed through the task API (an invalid rating answers 422 and
 * stores nothing), results with their Wilson interval, coaching visible to the vendor's lead only,
 * a dispute upheld within the window (re-scored, history kept), a dispute after the window refused,
 * points and the leaderboard. The job executor is off, so the test runs the process's jobs and
 * fires its timer itself. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class QaCycleIT {

  /** Whose audits the analyst rates 3 everywhere (score 60, failed); the others get 5s (100). */
  static final String WEAK_AGENT = "agent-a";

  static final List<String> AGENTS = List.of(WEAK_AGENT, "agent-b", "agent-c");

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  @Autowired QaCycleSteps steps;
  @Autowired PlatformTransactionManager transactionManager;

  Api api;
  Workflow flow;
  TestWorld world;
  String rm;
  String analyst;
  String vendorId;
  String lead;
  String otherVendorId;
  String otherLead;

  @BeforeEach
  void createWorld() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    rm = world.user("rm", "RELATIONSHIP_MANAGER", null);
    analyst = world.user("qa", "QA_ANALYST", null);
    vendorId = world.vendor("QA", rm);
    lead = world.user("lead", "BPO_LEAD", vendorId);
    otherVendorId = world.vendor("QAX", null);
    otherLead = world.user("lead2", "BPO_LEAD", otherVendorId);
  }

  @Test
  void aWholeCycleFromImportToLeaderboard() {
    importJuly();

    // --- start: the sample is sized and drawn in the request
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("period", "2026-07");
    body.put("confidence", 90);
    body.put("margin", 0.2);
    body.put("minPerAgent", 1);
    body.put("seed", 7);
    Api.Response started = api.post(analyst, "/api/vendors/" + vendorId + "/qa-cycles", body);
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    JsonNode cycle = started.json();
    String cycleId = cycle.path("id").asText();
    String processId = cycle.path("processInstanceId").asText();
    assertThat(started.header("Location")).endsWith("/api/qa-cycles/" + cycleId);
    assertThat(cycle.path("vendorId").asText()).isEqualTo(vendorId);
    assertThat(cycle.path("period").asText()).isEqualTo("2026-07");
    assertThat(cycle.path("seed").asLong()).isEqualTo(7);
    assertThat(cycle.path("status").asText()).isEqualTo("AUDITING");
    assertThat(processId).isNotBlank();
    // 30 handled contacts in July (abandoned and June ones do not count); n0 = 16.91 at 90 % ± 20
    // %,
    // n = ceil(16.91 / (1 + 15.91 / 30)) = ceil(11.05) = 12
    assertThat(cycle.path("population").asLong()).isEqualTo(30);
    assertThat(cycle.path("requiredSampleSize").asInt())
        .isEqualTo(SampleSize.cochran(30, Confidence.NINETY, 0.2))
        .isEqualTo(12);
    int sampleSize = cycle.path("sampleSize").asInt();
    assertThat(sampleSize).isBetween(12, 14);

    runJobs(processId);
    List<JsonNode> audits = list(api.get(analyst, "/api/qa-cycles/" + cycleId + "/audits"));
    assertThat(audits)
        .hasSize(sampleSize)
        .allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("OPEN"));
    assertThat(audits.stream().map(a -> a.path("agentId").asText()).distinct())
        .as("every agent has at least minPerAgent audits")
        .containsExactlyInAnyOrderElementsOf(AGENTS);
    long weakAudits =
        audits.stream().filter(a -> WEAK_AGENT.equals(a.path("agentId").asText())).count();

    // --- audits through the task API
    List<JsonNode> auditTasks = tasksOf(analyst, processId, Elements.AUDIT_INTERACTION);
    assertThat(auditTasks).hasSize(sampleSize);
    JsonNode form = detail(analyst, auditTasks.get(0));
    JsonNode ratingsField = field(form, "ratings");
    assertThat(ratingsField.path("type").asText()).isEqualTo("dynamiclist");
    assertThat(ratingsField.path("itemFields").findValuesAsText("key"))
        .containsExactly("category", "name", "rating", "notApplicable");
    assertThat(field(form, "comment").path("required").asBoolean()).isTrue();
    assertThat(form.path("description").asText()).startsWith("Interaction ").contains("of agent ");

    // an invalid rating: 422 naming the field, nothing stored, the task stays open
    String firstTask = auditTasks.get(0).path("id").asText();
    String firstAudit = auditOf(form, audits).path("id").asText();
    List<Map<String, Object>> invalid = ratings(5);
    invalid.get(2).put("rating", 7);
    Api.Response refused =
        flow.complete(analyst, firstTask, Map.of("ratings", invalid, "comment", "Good call"));
    JsonNode problem = assertProblem(refused, 422);
    assertThat(errorFields(problem)).containsExactly("ratings[2].rating");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .contains("from 1 to 5", "Correctness");
    JsonNode untouched = get(analyst, "/api/qa/audits/" + firstAudit);
    assertThat(untouched.path("status").asText()).isEqualTo("OPEN");
    assertThat(untouched.path("history")).isEmpty();
    assertThat(tasksOf(analyst, processId, Elements.AUDIT_INTERACTION)).hasSize(sampleSize);

    for (JsonNode task : auditTasks) {
      JsonNode audit = auditOf(detail(analyst, task), audits);
      boolean weak = WEAK_AGENT.equals(audit.path("agentId").asText());
      flow.completeOk(
          analyst,
          task.path("id").asText(),
          Map.of(
              "ratings",
              ratings(weak ? 3 : 5),
              "comment",
              weak ? "Slow to the point; check the order first." : "Textbook."));
    }
    runJobs(processId);

    // --- results
    JsonNode results = get(analyst, "/api/qa-cycles/" + cycleId);
    assertThat(results.path("status").asText()).isEqualTo("RESULTS_PUBLISHED");
    assertThat(results.path("disputeWindowOpen").asBoolean()).isTrue();
    JsonNode vendor = results.path("results").path("vendor");
    long passed = sampleSize - weakAudits;
    assertThat(vendor.path("audits").asLong()).isEqualTo(sampleSize);
    assertThat(vendor.path("scored").asLong()).isEqualTo(sampleSize);
    assertThat(vendor.path("passed").asLong()).isEqualTo(passed);
    assertThat(vendor.path("qaScore").decimalValue())
        .isEqualByComparingTo(rounded((weakAudits * 60.0 + passed * 100.0) / sampleSize));
    assertThat(vendor.path("passRate").decimalValue())
        .isEqualByComparingTo(rounded(100.0 * passed / sampleSize));
    WilsonInterval interval = WilsonInterval.of(passed, sampleSize);
    assertThat(vendor.path("passRateLower").decimalValue())
        .isEqualByComparingTo(rounded(100 * interval.lower()));
    assertThat(vendor.path("passRateUpper").decimalValue())
        .isEqualByComparingTo(rounded(100 * interval.upper()));
    JsonNode weak = agentResult(results, WEAK_AGENT);
    assertThat(weak.path("belowPassMark").asBoolean()).isTrue();
    assertThat(weak.path("results").path("qaScore").decimalValue()).isEqualByComparingTo("60.00");
    assertThat(agentResult(results, "agent-b").path("belowPassMark").asBoolean()).isFalse();
    assertThat(results.path("coaching")).hasSize(1);
    assertThat(results.path("coaching").get(0).path("agentId").asText()).isEqualTo(WEAK_AGENT);
    assertThat(results.path("categories")).hasSize(6);

    // --- coaching: the vendor's lead has it, another vendor's lead sees nothing of the cycle
    List<JsonNode> coaching = tasksOf(lead, processId, Elements.COACH_AGENT);
    assertThat(coaching).hasSize(1);
    JsonNode coachingTask = detail(lead, coaching.get(0));
    assertThat(coachingTask.path("vendorId").asText()).isEqualTo(vendorId);
    assertThat(coachingTask.path("description").asText())
        .contains("Coach agent " + WEAK_AGENT, "QA score of 60", "Greeting (mean 50)");
    assertThat(tasksOf(otherLead, processId, Elements.COACH_AGENT)).isEmpty();
    assertProblem(api.get(otherLead, "/api/tasks/" + coaching.get(0).path("id").asText()), 404);
    assertProblem(api.get(otherLead, "/api/qa-cycles/" + cycleId), 404);
    assertProblem(api.get(otherLead, "/api/qa-cycles/" + cycleId + "/audits"), 404);
    assertProblem(api.get(otherLead, "/api/qa/audits/" + firstAudit), 404);
    assertProblem(api.get(otherLead, "/api/vendors/" + vendorId + "/qa-cycles"), 404);
    assertProblem(api.get(otherLead, "/api/vendors/" + vendorId + "/qa-leaderboard"), 404);
    assertThat(list(api.get(lead, "/api/vendors/" + vendorId + "/qa-cycles")))
        .extracting(c -> c.path("id").asText())
        .containsExactly(cycleId);
    JsonNode leadsView = get(lead, "/api/qa-cycles/" + cycleId + "/audits");
    assertThat(leadsView.findValuesAsText("comment")).contains("Textbook.");

    flow.completeOk(
        lead,
        coaching.get(0).path("id").asText(),
        Map.of("note", "Went through the three audits; agent will confirm the order first."));
    runJobs(processId);
    JsonNode coached = get(rm, "/api/qa-cycles/" + cycleId).path("coaching").get(0);
    assertThat(coached.path("status").asText()).isEqualTo("DONE");
    assertThat(coached.path("coachedBy").asText()).isEqualTo(lead);
    assertThat(coached.path("note").asText()).startsWith("Went through");

    // --- a dispute within the window, upheld: re-scored, history kept
    String disputed =
        audits.stream()
            .filter(a -> WEAK_AGENT.equals(a.path("agentId").asText()))
            .findFirst()
            .orElseThrow()
            .path("id")
            .asText();
    String disputes = "/api/qa/audits/" + disputed + "/disputes";
    assertProblem(api.post(otherLead, disputes, Map.of("reason", "Not ours")), 404);
    assertProblem(api.post(rm, disputes, Map.of("reason", "RMs do not dispute")), 403);
    assertThat(errorFields(assertProblem(api.post(lead, disputes, Map.of("reason", " ")), 422)))
        .containsExactly("reason");
    assertProblem(api.post(lead, disputes, Map.of("reason", "x", "score", 100)), 400);
    Api.Response filed =
        api.post(lead, disputes, Map.of("reason", "The customer asked to skip the upsell."));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    assertThat(filed.json().path("status").asText()).isEqualTo("OPEN");
    assertThat(filed.json().path("filedBy").asText()).isEqualTo(lead);
    assertThat(
            assertProblem(api.post(lead, disputes, Map.of("reason", "Again")), 409)
                .path("detail")
                .asText())
        .contains("open dispute");

    List<JsonNode> arbitrations = tasksOf(rm, processId, Elements.ARBITRATE_DISPUTE);
    assertThat(arbitrations).hasSize(1);
    JsonNode arbitration = detail(rm, arbitrations.get(0));
    assertThat(arbitration.path("assignee").asText()).isEqualTo(rm);
    assertThat(arbitration.path("description").asText())
        .contains(lead + " disputes the audit", "skip the upsell");
    assertThat(arbitration.path("formFields").findValuesAsText("key"))
        .contains("decision", "ratings", "note");
    flow.completeOk(
        rm,
        arbitrations.get(0).path("id").asText(),
        Map.of(
            "decision", "UPHELD", "ratings", ratings(5), "note", "Fair: the upsell was declined."));
    runJobs(processId);

    JsonNode rescored = get(lead, "/api/qa/audits/" + disputed);
    assertThat(rescored.path("score").decimalValue()).isEqualByComparingTo("100.00");
    assertThat(rescored.path("passed").asBoolean()).isTrue();
    assertThat(rescored.path("revision").asInt()).isEqualTo(2);
    assertThat(rescored.path("analyst").asText()).isEqualTo(analyst);
    assertThat(rescored.path("ratings")).hasSize(6);
    assertThat(rescored.path("ratings").get(2).path("categoryScore").decimalValue())
        .isEqualByComparingTo("100.00");
    JsonNode history = rescored.path("history");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).path("reason").asText()).isEqualTo("AUDIT");
    assertThat(history.get(0).path("score").decimalValue()).isEqualByComparingTo("60.00");
    assertThat(history.get(0).path("ratings").get(0).path("rating").asInt()).isEqualTo(3);
    assertThat(history.get(1).path("reason").asText()).isEqualTo("DISPUTE_UPHELD");
    assertThat(history.get(1).path("recordedBy").asText()).isEqualTo(rm);
    assertThat(rescored.path("disputes").get(0).path("status").asText()).isEqualTo("UPHELD");
    assertThat(rescored.path("disputes").get(0).path("decisionNote").asText()).startsWith("Fair");
    JsonNode afterDispute = get(rm, "/api/qa-cycles/" + cycleId).path("results").path("vendor");
    assertThat(afterDispute.path("passed").asLong()).isEqualTo(passed + 1);

    // --- points and the leaderboard
    JsonNode weakPoints =
        get(lead, "/api/vendors/" + vendorId + "/agents/" + WEAK_AGENT + "/points");
    assertThat(weakPoints.path("balance").asLong()).isEqualTo(10);
    assertThat(weakPoints.path("entries").findValuesAsText("reason"))
        .containsExactly("DISPUTE_CORRECTION");
    List<JsonNode> board = list(api.get(lead, "/api/vendors/" + vendorId + "/qa-leaderboard"));
    assertThat(board)
        .extracting(e -> e.path("agentId").asText())
        .containsExactlyInAnyOrderElementsOf(AGENTS);
    long total = board.stream().mapToLong(e -> e.path("points").asLong()).sum();
    assertThat(total).isEqualTo(10 * (passed + 1));
    assertThat(board.get(0).path("rank").asInt()).isEqualTo(1);
    assertThat(board.get(0).path("points").asLong())
        .isGreaterThanOrEqualTo(board.get(board.size() - 1).path("points").asLong());

    // the award step run again, as a retried job would: nothing more
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    assertThat((int) tx.execute(s -> steps.awardPoints(cycleId))).isZero();
    assertThat((int) tx.execute(s -> steps.awardPoints(cycleId))).isZero();
    long after =
        list(api.get(rm, "/api/vendors/" + vendorId + "/qa-leaderboard")).stream()
            .mapToLong(e -> e.path("points").asLong())
            .sum();
    assertThat(after).isEqualTo(total);

    // --- the window closes on its timer: disputes are refused, the cycle closes
    Job window =
        managementService
            .createJobQuery()
            .processInstanceId(processId)
            .timers()
            .activityId(Elements.TIMER_DISPUTE_WINDOW_CLOSED)
            .singleResult();
    assertThat(window).isNotNull();
    managementService.executeJob(window.getId());
    runJobs(processId);
    String another =
        audits.stream()
            .map(a -> a.path("id").asText())
            .filter(id -> !id.equals(disputed))
            .findFirst()
            .orElseThrow();
    JsonNode late =
        assertProblem(
            api.post(lead, "/api/qa/audits/" + another + "/disputes", Map.of("reason", "Late")),
            409);
    assertThat(late.path("detail").asText()).contains("dispute window");
    JsonNode closed = get(rm, "/api/qa-cycles/" + cycleId);
    assertThat(closed.path("disputeWindowOpen").asBoolean()).isFalse();
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("closedAt").asText()).isNotBlank();
  }

  @Test
  void startingACycleChecksTheCallerAndTheBody() {
    String path = "/api/vendors/" + vendorId + "/qa-cycles";
    assertProblem(api.post(lead, path, Map.of()), 403);
    assertProblem(api.post(rm, "/api/vendors/no-such-vendor/qa-cycles", Map.of()), 404);
    assertProblem(api.post(rm, path, Map.of("sampleSize", 10)), 400);

    Map<String, Object> invalid = new LinkedHashMap<>();
    invalid.put("period", "2026-Q3");
    invalid.put("confidence", 80);
    invalid.put("margin", 0.5);
    invalid.put("minPerAgent", 21);
    JsonNode problem = assertProblem(api.post(rm, path, invalid), 422);
    assertThat(errorFields(problem)).contains("period", "margin", "minPerAgent");
    JsonNode confidence = assertProblem(api.post(rm, path, Map.of("confidence", 80)), 422);
    assertThat(errorFields(confidence)).containsExactly("confidence");
    assertThat(errorFields(assertProblem(api.post(rm, path, Map.of("period", "2999-01")), 422)))
        .containsExactly("period");

    // no body at all: the previous month, 95 % ± 5 %, one audit per agent, a fresh seed
    Api.Response defaults = api.send(rm, "POST", path, null, null, Map.of());
    assertThat(defaults.status()).as(defaults.body()).isEqualTo(201);
    JsonNode cycle = defaults.json();
    assertThat(cycle.path("confidence").asInt()).isEqualTo(95);
    assertThat(cycle.path("margin").decimalValue()).isEqualByComparingTo("0.05");
    assertThat(cycle.path("minPerAgent").asInt()).isEqualTo(1);
    assertThat(cycle.path("population").asLong()).isZero();
    assertThat(cycle.path("sampleSize").asInt()).isZero();
    assertThat(cycle.path("period").asText())
        .isEqualTo(java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1).toString());

    Api.Response docs = api.get(null, "/v3/api-docs");
    assertThat(docs.body())
        .contains(
            "/api/vendors/{id}/qa-cycles",
            "/api/qa-cycles/{id}",
            "/api/qa/audits/{id}/disputes",
            "/api/vendors/{id}/qa-leaderboard",
            "/api/vendors/{id}/agents/{agentId}/points");
  }

  // --- helpers

  /** 10 handled contacts per agent in July 2026, plus 2 abandoned and 2 from June. */
  private void importJuly() {
    StringBuilder csv =
        new StringBuilder(
            "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,wait_seconds,abandoned\n");
    for (int i = 0; i < 30; i++) {
      csv.append(
          String.format(
              "Q-%03d,%s,PHONE,2026-07-%02dT%02d:15:00Z,300,true,12,false%n",
              i, AGENTS.get(i % 3), 1 + i, 8 + i % 10));
    }
    csv.append("Q-900,agent-a,PHONE,2026-07-05T10:00:00Z,0,false,90,true\n");
    csv.append("Q-901,agent-b,PHONE,2026-07-06T10:00:00Z,0,false,75,true\n");
    csv.append("Q-902,agent-a,CHAT,2026-06-30T10:00:00Z,200,true,,false\n");
    csv.append("Q-903,agent-c,CHAT,2026-06-12T10:00:00Z,200,true,,false\n");
    Api.Response imported =
        api.postRaw(rm, "/api/vendors/" + vendorId + "/interactions", csv.toString(), "text/csv");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("inserted").asInt()).isEqualTo(34);
  }

  /** A rating for every default category: the 1-5 ones at {@code rating}, policy compliance 1. */
  static List<Map<String, Object>> ratings(int rating) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (QaCategory c : QaScorecard.defaults().categories()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("category", c.key());
      item.put("name", c.name());
      item.put("rating", c.max() == 1 ? 1 : rating);
      item.put("notApplicable", false);
      items.add(item);
    }
    return items;
  }

  /** Runs every async continuation of the instance that is due (not the dispute-window timer). */
  private void runJobs(String processInstanceId) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs =
          managementService
              .createJobQuery()
              .processInstanceId(processInstanceId)
              .messages()
              .executable()
              .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("async jobs keep coming");
  }

  private List<JsonNode> tasksOf(String user, String processInstanceId, String taskKey) {
    return flow.tasks(user).stream()
        .filter(t -> processInstanceId.equals(t.path("processInstanceId").asText()))
        .filter(t -> taskKey.equals(t.path("taskKey").asText()))
        .toList();
  }

  private JsonNode detail(String user, JsonNode task) {
    return get(user, "/api/tasks/" + task.path("id").asText());
  }

  /** The audit a task is about: its description names the interaction. */
  private static JsonNode auditOf(JsonNode taskDetail, List<JsonNode> audits) {
    String description = taskDetail.path("description").asText();
    return audits.stream()
        .filter(
            a -> description.startsWith("Interaction " + a.path("interactionId").asText() + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no audit for " + description));
  }

  private static JsonNode field(JsonNode taskDetail, String key) {
    for (JsonNode field : taskDetail.path("formFields")) {
      if (key.equals(field.path("key").asText())) {
        return field;
      }
    }
    throw new AssertionError("no form field " + key + " in " + taskDetail);
  }

  private static JsonNode agentResult(JsonNode cycle, String agentId) {
    for (JsonNode agent : cycle.path("results").path("agents")) {
      if (agentId.equals(agent.path("agentId").asText())) {
        return agent;
      }
    }
    throw new AssertionError("no results for " + agentId);
  }

  private JsonNode get(String user, String path) {
    Api.Response response = api.get(user, path);
    assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<JsonNode> list(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    response.json().forEach(items::add);
    return items;
  }

  private static BigDecimal rounded(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}
