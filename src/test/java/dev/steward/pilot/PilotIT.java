package dev.steward.pilot;

import static dev.steward.support.Problems.assertProblem;
import static dev.steward.support.Problems.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.pilot.PilotProcess.Elements;
import dev.steward.support.Api;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A pilot end to end over real HTTP with the real delegates and engine: the RM plans it through
 * /api/tasks (an invalid plan is refused), the test fires the timer, the scorecard is computed from
 * interactions imported through the CSV endpoint, the incumbent of a challenger pilot is scored
 * over the same days with the challenger's definition, the executive's go/no-go is recorded. Run on
 * H2 and PostgreSQL by the subclasses.
 */
abstract class PilotIT {

  /**
   * The challenger's interactions: three inside the window 2026-03-02 … 2026-03-15 (both first and
   * last second), two just outside it.
   */
  static final String CHALLENGER_CSV =
      """
      interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,wait_seconds,abandoned,csat
      C-1,a1,CHAT,2026-03-02T00:00:00Z,300,true,10,false,5
      C-2,a1,PHONE,2026-03-10T12:00:00Z,200,false,30,false,3
      C-3,a2,EMAIL,2026-03-15T23:59:59Z,400,true,,,4
      C-4,a2,PHONE,2026-03-01T23:59:59Z,1000,false,5,false,1
      C-5,a2,PHONE,2026-03-16T00:00:00Z,1000,false,5,false,1
      """;

  /** The incumbent's: two inside the window, one after it. */
  static final String INCUMBENT_CSV =
      """
      interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,wait_seconds,abandoned,csat
      I-1,b1,PHONE,2026-03-05T09:00:00Z,500,true,15,false,5
      I-2,b1,PHONE,2026-03-06T09:00:00Z,400,true,25,false,2
      I-3,b1,PHONE,2026-03-20T09:00:00Z,100,true,25,false,5
      """;

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  Api api;
  Workflow flow;
  TestWorld world;
  String rm;
  String executive;
  String challenger;
  String challengerCode;
  String incumbent;
  String incumbentCode;

  @BeforeEach
  void createWorld() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    rm = world.user("rm", "RELATIONSHIP_MANAGER", null);
    executive = world.user("exec", "EXECUTIVE", null);
    challenger = world.vendor("PLT", rm);
    challengerCode = world.unique("PLT");
    incumbentCode = world.unique("INC");
    Map<String, Object> body = new LinkedHashMap<>(TestWorld.vendorBody(incumbentCode));
    body.put("lifecyclePhase", "OPERATING");
    Api.Response registered = api.post(TestProperties.ADMIN, "/api/vendors", body);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    incumbent = registered.json().path("id").asText();
  }

  /**
   * By hand, with the challenger's scorecard csat (t 80, z 0, w 50) and aht (t 240, z 480, w 50):
   *
   * <pre>
   * challenger, 3 contacts in the window: CSAT 2 of 3 satisfied = 66.67 % → 100 × 66.67 / 80 = 83.33;
   *   AHT 900 / 3 = 300 s → 100 × (480 − 300) / 240 = 75; total (83.33 + 75) / 2 = 79.17
   * incumbent, 2 contacts: CSAT 1 of 2 = 50 % → 62.50 (58.82 with its own default target of 85);
   *   AHT 900 / 2 = 450 s → 12.50; total 37.50
   * </pre>
   */
  @Test
  void aChallengerPilotIsScoredSideBySideWithTheIncumbentAndTheGoIsRecorded() {
    Api.Response defined =
        api.put(
            rm,
            "/api/vendors/" + challenger + "/scorecard",
            Map.of(
                "kpis",
                Map.of(
                    "csat", Map.of("target", 80, "zero", 0, "weight", 50),
                    "aht", Map.of("target", 240, "zero", 480, "weight", 50))));
    assertThat(defined.status()).as(defined.body()).isEqualTo(200);
    importCsv(challenger, CHALLENGER_CSV, 5);
    importCsv(incumbent, INCUMBENT_CSV, 3);

    ProcessInstance instance = startPilot(challenger);

    // the RM plans it; the KPI targets are the vendor's scorecard
    JsonNode planTask = flow.requireTask(rm, challenger, Elements.PLAN_PILOT);
    assertThat(planTask.path("vendorId").asText()).isEqualTo(challenger);
    assertThat(planTask.path("assignee").asText()).isEqualTo(rm);
    JsonNode form = api.get(rm, "/api/tasks/" + planTask.path("id").asText()).json();
    assertThat(form.path("formFields").findValuesAsText("key"))
        .containsExactly(
            "pilotScope",
            "liveVolumeSharePercent",
            "startDate",
            "durationDays",
            "incumbentVendorCode");
    assertThat(
            (String) runtimeService.getVariable(instance.getId(), PilotProcess.KPI_TARGETS.name()))
        .contains("| csat | 80 | 0 | 50 |", "| aht | 240 | 480 | 50 |");
    String pilotId =
        (String) runtimeService.getVariable(instance.getId(), PilotProcess.PILOT_ID.name());
    JsonNode planning = pilot(rm, pilotId);
    assertThat(planning.path("status").asText()).isEqualTo("PLANNING");
    assertThat(planning.path("plan").isNull()).isTrue();

    // an invalid plan is refused and the task stays open
    String planTaskId = planTask.path("id").asText();
    JsonNode unknown =
        assertProblem(flow.complete(rm, planTaskId, plan("NO-SUCH-VENDOR", 20)), 422);
    assertThat(errorFields(unknown)).containsExactly("incumbentVendorCode");
    assertThat(
            errorFields(
                assertProblem(flow.complete(rm, planTaskId, plan(challengerCode, 20)), 422)))
        .containsExactly("incumbentVendorCode");
    assertThat(
            errorFields(assertProblem(flow.complete(rm, planTaskId, plan(incumbentCode, 0)), 422)))
        .containsExactly("liveVolumeSharePercent");
    assertThat(
            errorFields(
                assertProblem(flow.complete(rm, planTaskId, plan(incumbentCode, 12.5)), 422)))
        .containsExactly("liveVolumeSharePercent");
    Map<String, Object> badDate = plan(incumbentCode, 20);
    badDate.put("startDate", "02.03.2026");
    assertThat(errorFields(assertProblem(flow.complete(rm, planTaskId, badDate), 422)))
        .containsExactly("startDate");
    assertThat(flow.task(rm, challenger, Elements.PLAN_PILOT)).isPresent();

    flow.completeOk(rm, planTaskId, plan(incumbentCode, 20));

    JsonNode running = pilot(rm, pilotId);
    assertThat(running.path("status").asText()).isEqualTo("RUNNING");
    JsonNode plan = running.path("plan");
    assertThat(plan.path("startDate").asText()).isEqualTo("2026-03-02");
    assertThat(plan.path("endDate").asText()).isEqualTo("2026-03-16");
    assertThat(plan.path("durationDays").asInt()).isEqualTo(14);
    assertThat(plan.path("liveVolumeSharePercent").asInt()).isEqualTo(20);
    assertThat(plan.path("challenger").asBoolean()).isTrue();
    assertThat(plan.path("incumbentVendorCode").asText()).isEqualTo(incumbentCode);
    assertThat(plan.path("plannedBy").asText()).isEqualTo(rm);

    // the timer ends the pilot at start + duration, 00:00 UTC; the scorecard job follows
    Job timer =
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .timers()
            .activityId(Elements.TIMER_PILOT_ENDED)
            .singleResult();
    assertThat(timer.getDuedate().toInstant().toString()).isEqualTo("2026-03-16T00:00:00Z");
    managementService.executeJob(timer.getId());
    runAsyncJob(instance, Elements.COMPUTE_SCORECARD);

    JsonNode scored = pilot(rm, pilotId);
    assertThat(scored.path("status").asText()).isEqualTo("SCORED");
    JsonNode card = scored.path("scorecard");
    assertThat(card.path("vendorCode").asText()).isEqualTo(challengerCode);
    assertThat(card.path("from").asText()).isEqualTo("2026-03-02");
    assertThat(card.path("toExclusive").asText()).isEqualTo("2026-03-16");
    assertThat(card.path("interactions").asLong()).isEqualTo(3);
    assertThat(card.path("kpis").path("csat").path("value").decimalValue())
        .isEqualByComparingTo("66.67");
    assertThat(card.path("kpis").path("csat").path("score").decimalValue())
        .isEqualByComparingTo("83.33");
    assertThat(card.path("kpis").path("aht").path("value").decimalValue())
        .isEqualByComparingTo("300.00");
    assertThat(card.path("kpis").path("aht").path("score").decimalValue())
        .isEqualByComparingTo("75.00");
    assertThat(card.path("total").decimalValue()).isEqualByComparingTo("79.17");
    JsonNode rival = scored.path("incumbentScorecard");
    assertThat(rival.path("vendorCode").asText()).isEqualTo(incumbentCode);
    assertThat(rival.path("interactions").asLong()).isEqualTo(2);
    assertThat(rival.path("kpis").path("csat").path("target").decimalValue())
        .as("the challenger's definition")
        .isEqualByComparingTo("80");
    assertThat(rival.path("kpis").path("csat").path("score").decimalValue())
        .isEqualByComparingTo("62.50");
    assertThat(rival.path("kpis").path("aht").path("score").decimalValue())
        .isEqualByComparingTo("12.50");
    assertThat(rival.path("kpis").has("nps")).isFalse();
    assertThat(rival.path("total").decimalValue()).isEqualByComparingTo("37.50");
    String comparison =
        (String) runtimeService.getVariable(instance.getId(), PilotProcess.PILOT_COMPARISON.name());
    assertThat(comparison)
        .contains(challengerCode, incumbentCode, "79.17", "37.50", "66.67 (score 83.33)");

    // the executive decides
    JsonNode decide = flow.requireTask(executive, challenger, Elements.DECIDE_GO_NO_GO);
    assertProblem(
        flow.complete(executive, decide.path("id").asText(), Map.of("decision", "MAYBE")), 422);
    flow.completeOk(
        executive,
        decide.path("id").asText(),
        Map.of("decision", "GO", "decisionReason", "Twice the incumbent's score"));

    JsonNode decided = pilot(rm, pilotId);
    assertThat(decided.path("status").asText()).isEqualTo("DECIDED");
    assertThat(decided.path("decision").path("decision").asText()).isEqualTo("GO");
    assertThat(decided.path("decision").path("reason").asText())
        .isEqualTo("Twice the incumbent's score");
    assertThat(decided.path("decision").path("decidedBy").asText()).isEqualTo(executive);
    assertThat(decided.path("decision").path("comparisonShown").asText()).isEqualTo(comparison);
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(PilotProcess.PILOT_OUTCOME.name())
                .singleResult()
                .getValue())
        .isEqualTo("GO");
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getEndActivityId())
        .isEqualTo(Elements.END_EVENT_GO);

    // the challenger's lead sees their own pilot, never the incumbent or its numbers
    String lead = world.user("lead", "BPO_LEAD", challenger);
    JsonNode leadView = pilot(lead, pilotId);
    assertThat(leadView.path("scorecard").path("total").decimalValue())
        .isEqualByComparingTo("79.17");
    assertThat(leadView.path("incumbentScorecard").isNull()).isTrue();
    assertThat(leadView.path("plan").path("challenger").asBoolean()).isTrue();
    assertThat(leadView.path("plan").path("incumbentVendorId").isNull()).isTrue();
    assertThat(leadView.path("plan").path("incumbentVendorCode").isNull()).isTrue();
    assertThat(leadView.path("decision").path("comparisonShown").isNull()).isTrue();
    assertThat(leadView.toString()).doesNotContain(incumbentCode).doesNotContain(incumbent);
    Api.Response leadList = api.get(lead, "/api/vendors/" + challenger + "/pilots");
    assertThat(leadList.status()).isEqualTo(200);
    assertThat(leadList.json()).hasSize(1);
    assertThat(leadList.toString()).doesNotContain(incumbentCode);
    // the incumbent's lead sees nothing of it
    String incumbentLead = world.user("inclead", "BPO_LEAD", incumbent);
    assertProblem(api.get(incumbentLead, "/api/pilots/" + pilotId), 404);
    assertProblem(api.get(incumbentLead, "/api/vendors/" + challenger + "/pilots"), 404);
    assertThat(api.get(incumbentLead, "/api/vendors/" + incumbent + "/pilots").json()).isEmpty();
  }

  @Test
  void aPilotWithoutDataEndsNoGoWithoutATotal() {
    ProcessInstance instance = startPilot(challenger);
    String pilotId =
        (String) runtimeService.getVariable(instance.getId(), PilotProcess.PILOT_ID.name());
    Map<String, Object> plan = plan(null, 5);
    plan.remove("incumbentVendorCode");
    flow.completeOk(
        rm, flow.requireTask(rm, challenger, Elements.PLAN_PILOT).path("id").asText(), plan);
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .timers()
            .singleResult()
            .getId());
    runAsyncJob(instance, Elements.COMPUTE_SCORECARD);

    JsonNode scored = pilot(executive, pilotId);
    assertThat(scored.path("plan").path("challenger").asBoolean()).isFalse();
    assertThat(scored.path("incumbentScorecard").isNull()).isTrue();
    assertThat(scored.path("scorecard").path("interactions").asLong()).isZero();
    assertThat(scored.path("scorecard").path("total").isNull()).isTrue();
    assertThat(scored.path("scorecard").path("kpis").path("csat").path("target").decimalValue())
        .as("the default scorecard")
        .isEqualByComparingTo("85");

    flow.completeOk(
        executive,
        flow.requireTask(executive, challenger, Elements.DECIDE_GO_NO_GO).path("id").asText(),
        Map.of("decision", "NO_GO", "decisionReason", "No data: the vendor never went live"));

    JsonNode decided = pilot(executive, pilotId);
    assertThat(decided.path("decision").path("decision").asText()).isEqualTo("NO_GO");
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getEndActivityId())
        .isEqualTo(Elements.END_EVENT_NO_GO);
    JsonNode list = api.get(rm, "/api/vendors/" + challenger + "/pilots").json();
    assertThat(list.findValuesAsText("id")).contains(pilotId);
    assertProblem(api.get(rm, "/api/pilots/no-such-pilot"), 404);
    assertProblem(api.get(null, "/api/pilots/" + pilotId), 401);
  }

  // --- helpers

  private ProcessInstance startPilot(String vendorId) {
    VariableMap variables = Variables.createVariables();
    PilotProcess.VENDOR_ID.on(variables, vendorId);
    return runtimeService.startProcessInstanceByKey(PilotProcess.PROCESS_KEY, vendorId, variables);
  }

  private void importCsv(String vendorId, String csv, int rows) {
    Api.Response imported =
        api.postRaw(rm, "/api/vendors/" + vendorId + "/interactions", csv, "text/csv");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("received").asInt()).isEqualTo(rows);
  }

  private JsonNode pilot(String user, String pilotId) {
    Api.Response response = api.get(user, "/api/pilots/" + pilotId);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private void runAsyncJob(ProcessInstance instance, String activityId) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .messages()
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("async job of %s", activityId).isNotNull();
    managementService.executeJob(job.getId());
  }

  private static Map<String, Object> plan(String incumbentCode, Number share) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("pilotScope", "German e-mail and chat for DACH customers");
    plan.put("liveVolumeSharePercent", share);
    plan.put("startDate", "2026-03-02");
    plan.put("durationDays", 14);
    plan.put("incumbentVendorCode", incumbentCode);
    return plan;
  }
}
