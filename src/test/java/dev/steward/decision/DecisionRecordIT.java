package dev.steward.decision;

import static dev.steward.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.evaluation.EvaluationProcess;
import dev.steward.pilot.PilotProcess;
import dev.steward.support.Api;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import dev.steward.vendor.VendorLifecycleProcess;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The decision record over real HTTP: an evaluation round runs to the executive's selection and the
 * selected vendor's pilot to a go; {@code GET /api/vendors/{id}/decisions} lists both decisions
 * with who, when and what they saw, as JSON and as CSV. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class DecisionRecordIT {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  Api api;
  Workflow flow;
  TestWorld world;
  String rm;
  String executive;
  String qa;
  String vendorId;
  String vendorCode;
  String otherId;
  String otherCode;
  String roundId;

  @Test
  void theSelectionAndTheGoAreRecordedWithWhoWhenAndWhatTheDecidersSaw() throws IOException {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    rm = world.user("dec-rm", "RELATIONSHIP_MANAGER", null);
    executive = world.user("dec-exec", "EXECUTIVE", null);
    qa = world.user("dec-qa", "QA_ANALYST", null);
    vendorCode = world.unique("DEC-A");
    otherCode = world.unique("DEC-B");
    vendorId = register(vendorCode);
    otherId = register(otherCode);
    String lead = world.user("dec-lead", "BPO_LEAD", vendorId);

    // nothing decided yet
    assertThat(ok(api.get(rm, "/api/vendors/" + vendorId + "/decisions"))).isEmpty();

    // --- the evaluation round, to the executive's selection
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Map<String, Object> round = new LinkedHashMap<>();
    round.put("name", world.unique("Decision round"));
    round.put(
        "criteria",
        List.of(criterion("quality", "Service quality", 70), criterion("price", "Price", 30)));
    round.put("candidateVendorIds", List.of(vendorId, otherId));
    round.put("evaluators", List.of(executive, qa));
    round.put("dueAt", Instant.now().plus(7, ChronoUnit.DAYS).toString());
    Api.Response opened = api.post(rm, "/api/evaluations", round);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    roundId = opened.json().path("id").asText();
    bid(vendorId, "9000");
    bid(otherId, "10000");
    complete(rm, taskFor(rm, EvaluationProcess.Elements.CONFIRM_BIDS), Map.of("bidsNote", "EUR"));
    for (String evaluator : List.of(executive, qa)) {
      complete(
          evaluator,
          taskFor(evaluator, EvaluationProcess.Elements.SCORE_CANDIDATES),
          Map.of(
              "scores", List.of(score(vendorCode, "quality", 5), score(otherCode, "quality", 3))));
    }
    runJobs();
    String selectTask = taskFor(executive, EvaluationProcess.Elements.SELECT_FOR_PILOT);
    complete(
        executive,
        selectTask,
        Map.of(
            "selectedVendorCodes", List.of(vendorCode), "selectionReason", "Best quality, lowest"));
    runJobs();

    // --- the pilot, to a go
    String planTask = taskFor(rm, PilotProcess.Elements.PLAN_PILOT);
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("pilotScope", "English chat, billing queue");
    plan.put("liveVolumeSharePercent", 10);
    plan.put("startDate", LocalDate.now(ZoneOffset.UTC).minusDays(30).toString());
    plan.put("durationDays", 14);
    complete(rm, planTask, plan);
    managementService.executeJob(timer(PilotProcess.Elements.TIMER_PILOT_ENDED).getId());
    runJobs();
    String goTask = taskFor(executive, PilotProcess.Elements.DECIDE_GO_NO_GO);
    complete(
        executive, goTask, Map.of("decision", "GO", "decisionReason", "Met every pilot target"));
    runJobs();
    Instant after = Instant.now().plusMillis(1);

    // --- JSON
    JsonNode decisions = ok(api.get(executive, "/api/vendors/" + vendorId + "/decisions"));
    assertThat(decisions).hasSize(2);
    JsonNode selection = decisions.get(0);
    assertThat(selection.path("kind").asText()).isEqualTo("VENDOR_SELECTION");
    assertThat(selection.path("outcome").asText()).isEqualTo("SELECTED");
    assertThat(selection.path("decidedBy").asText()).isEqualTo(executive);
    assertThat(selection.path("decidedByName").asText()).isEqualTo("dec-exec Tester");
    assertThat(Instant.parse(selection.path("decidedAt").asText())).isBetween(before, after);
    assertThat(selection.path("reason").asText()).isEqualTo("Best quality, lowest");
    assertThat(selection.path("inputs").asText())
        .as("the ranking the executive saw")
        .contains("Ranking of", "1. " + vendorCode, "2. " + otherCode);
    assertThat(selection.path("taskId").asText()).isEqualTo(selectTask);
    assertThat(selection.path("taskName").asText()).isEqualTo("Select vendors for a pilot");
    assertThat(selection.path("processDefinitionKey").asText())
        .isEqualTo(EvaluationProcess.PROCESS_KEY);
    assertThat(selection.path("processInstanceId").asText()).isNotBlank();
    assertThat(selection.path("processStartedAt").asText()).isNotBlank();
    assertThat(selection.path("subjectId").asText()).isEqualTo(roundId);

    JsonNode go = decisions.get(1);
    assertThat(go.path("kind").asText()).isEqualTo("PILOT_GO_NO_GO");
    assertThat(go.path("outcome").asText()).isEqualTo("GO");
    assertThat(go.path("decidedBy").asText()).isEqualTo(executive);
    assertThat(Instant.parse(go.path("decidedAt").asText()))
        .isBetween(Instant.parse(selection.path("decidedAt").asText()), after);
    assertThat(go.path("reason").asText()).isEqualTo("Met every pilot target");
    assertThat(go.path("inputs").asText()).as("the comparison shown").isNotBlank();
    assertThat(go.path("taskId").asText()).isEqualTo(goTask);
    assertThat(go.path("processDefinitionKey").asText()).isEqualTo(PilotProcess.PROCESS_KEY);

    // the other candidate: not selected, with the same ranking
    JsonNode other = ok(api.get(rm, "/api/vendors/" + otherId + "/decisions"));
    assertThat(other).hasSize(1);
    assertThat(other.get(0).path("outcome").asText()).isEqualTo("NOT_SELECTED");
    assertThat(other.get(0).path("inputs").asText()).isEqualTo(selection.path("inputs").asText());

    // --- CSV, by Accept header and by ?format=csv
    Api.Response csv =
        api.send(
            qa,
            "GET",
            "/api/vendors/" + vendorId + "/decisions",
            null,
            null,
            Map.of("Accept", "text/csv"));
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
    assertThat(csv.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"decisions-" + vendorCode + ".csv\"");
    List<CSVRecord> rows = parse(csv.body());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("kind")).isEqualTo("VENDOR_SELECTION");
    assertThat(rows.get(0).get("outcome")).isEqualTo("SELECTED");
    assertThat(rows.get(0).get("decidedBy")).isEqualTo(executive);
    assertThat(rows.get(0).get("decidedAt")).isEqualTo(selection.path("decidedAt").asText());
    assertThat(rows.get(0).get("inputs"))
        .as("multi-line inputs survive the round trip")
        .isEqualTo(selection.path("inputs").asText())
        .contains("\n");
    assertThat(rows.get(1).get("kind")).isEqualTo("PILOT_GO_NO_GO");
    assertThat(rows.get(1).get("outcome")).isEqualTo("GO");
    assertThat(rows.get(1).get("taskId")).isEqualTo(goTask);
    assertThat(rows.get(1).get("reason")).isEqualTo("Met every pilot target");

    Api.Response byParameter =
        api.get(executive, "/api/vendors/" + vendorId + "/decisions?format=csv");
    assertThat(byParameter.status()).isEqualTo(200);
    assertThat(byParameter.body()).isEqualTo(csv.body());
    assertThat(byParameter.body())
        .startsWith(String.join(",", DecisionRecords.CSV_HEADER) + "\r\n");

    // --- who may not
    assertProblem(api.get(lead, "/api/vendors/" + vendorId + "/decisions"), 403);
    assertProblem(api.get(rm, "/api/vendors/no-such-vendor/decisions"), 404);
    assertProblem(api.get(rm, "/api/vendors/" + vendorId + "/decisions?format=xml"), 400);
    assertThat(api.get(null, "/api/vendors/" + vendorId + "/decisions").status()).isEqualTo(401);
  }

  private static List<CSVRecord> parse(String text) throws IOException {
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(text),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }

  private String register(String code) {
    Map<String, Object> body = TestWorld.vendorBody(code);
    body.put("relationshipManager", rm);
    body.put("lifecyclePhase", "EVALUATION");
    Api.Response created = api.post(rm, "/api/vendors", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private void bid(String candidate, String price) {
    Api.Response response =
        api.put(
            rm,
            "/api/evaluations/" + roundId + "/bids/" + candidate,
            Map.of("monthlyPrice", new BigDecimal(price)));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  private String taskFor(String user, String taskKey) {
    List<JsonNode> tasks =
        flow.tasks(user).stream()
            .filter(t -> taskKey.equals(t.path("taskKey").asText()))
            .filter(
                t ->
                    vendorId.equals(t.path("vendorId").asText())
                        || roundId.equals(t.path("businessKey").asText()))
            .toList();
    assertThat(tasks).as("%s's open %s", user, taskKey).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private void complete(String user, String taskId, Map<String, ?> body) {
    Api.Response response = flow.complete(user, taskId, body);
    assertThat(response.status())
        .as("%s completes %s: %s", user, taskId, response.body())
        .isEqualTo(204);
  }

  /** Runs the async continuations of both lifecycles, their called processes and the round. */
  private void runJobs() {
    for (int i = 0; i < 200; i++) {
      Job next = null;
      for (String instanceId : processTree()) {
        List<Job> jobs =
            managementService
                .createJobQuery()
                .processInstanceId(instanceId)
                .messages()
                .executable()
                .listPage(0, 1);
        if (!jobs.isEmpty()) {
          next = jobs.get(0);
          break;
        }
      }
      if (next == null) {
        return;
      }
      managementService.executeJob(next.getId());
    }
    throw new AssertionError("async jobs keep coming");
  }

  private Set<String> processTree() {
    Deque<String> open = new ArrayDeque<>();
    for (String candidate : List.of(vendorId, otherId)) {
      runtimeService
          .createProcessInstanceQuery()
          .processDefinitionKey(VendorLifecycleProcess.PROCESS_KEY)
          .processInstanceBusinessKey(candidate)
          .list()
          .forEach(p -> open.add(p.getId()));
    }
    runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(EvaluationProcess.PROCESS_KEY)
        .processInstanceBusinessKey(roundId)
        .list()
        .forEach(p -> open.add(p.getId()));
    Set<String> tree = new LinkedHashSet<>();
    while (!open.isEmpty()) {
      String id = open.poll();
      if (tree.add(id)) {
        runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).list().stream()
            .map(ProcessInstance::getId)
            .forEach(open::add);
      }
    }
    return tree;
  }

  private Job timer(String activityId) {
    List<Job> timers = new ArrayList<>();
    for (String instanceId : processTree()) {
      timers.addAll(
          managementService
              .createJobQuery()
              .processInstanceId(instanceId)
              .timers()
              .activityId(activityId)
              .list());
    }
    assertThat(timers).as("timer %s", activityId).hasSize(1);
    return timers.get(0);
  }

  private static JsonNode ok(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static Map<String, Object> criterion(String key, String name, int weight) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("key", key);
    c.put("name", name);
    c.put("weight", weight);
    return c;
  }

  private static Map<String, Object> score(String code, String criterion, int rating) {
    return Map.of("vendorCode", code, "criterion", criterion, "rating", rating);
  }
}
