package dev.steward.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.onboarding.OnboardingProcess.Elements;
import dev.steward.support.Api;
import dev.steward.support.Problems;
import dev.steward.support.TestProperties;
import dev.steward.support.TestWorld;
import dev.steward.support.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vendor onboarding end to end: started as the vendor lifecycle starts it, every task completed
 * over real HTTP by the right users (relationship managers, the vendor's own BPO lead; another
 * vendor's lead sees nothing), the real delegates, the real DMN table and the kpi slice. The job
 * executor is off, so the tests run the async continuations themselves. Run on H2 and PostgreSQL.
 */
abstract class OnboardingIT {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  Api api;
  Workflow flow;
  TestWorld world;
  String rm;
  String newRm;
  String otherVendorId;
  String otherLead;

  @BeforeEach
  void createWorld() {
    api = new Api(port);
    flow = new Workflow(api);
    world = new TestWorld(api);
    rm = world.user("rm", "RELATIONSHIP_MANAGER", null);
    newRm = world.user("newrm", "RELATIONSHIP_MANAGER", null);
    otherVendorId = world.vendor("OTHER", rm);
    otherLead = world.user("otherlead", "BPO_LEAD", otherVendorId);
  }

  @Test
  void partialInvolvementTheVendorRecruitsAndRunsSessionsTheBrandVetsAndSetsTheContract() {
    String vendorId = vendor("ONB-PARTIAL", "PARTIAL");
    String lead = world.user("lead", "BPO_LEAD", vendorId);
    String instanceId = start(vendorId);

    JsonNode started = onboarding(rm, vendorId);
    assertThat(started.path("onboardingId").asText()).isEqualTo(instanceId);
    assertThat(started.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(started.path("involvement").asText()).isEqualTo("PARTIAL");
    assertThat(started.path("responsibilities").toString())
        .isEqualTo(
            "{\"recruiting\":\"VENDOR\",\"onboardingSessions\":\"VENDOR\",\"training\":\"BRAND\","
                + "\"coaching\":\"VENDOR\",\"qa\":\"BRAND\"}");
    assertThat(started.path("contract").path("status").asText()).isEqualTo("PENDING");
    assertThat(started.path("groundRules").isNull()).isTrue();
    assertThat(stepKeys(started.path("openSteps")))
        .containsExactly(
            Elements.AGREE_CONTRACT,
            Elements.ASSIGN_RELATIONSHIP_MANAGER,
            Elements.SET_GROUND_RULES,
            Elements.RUN_ONBOARDING_SESSIONS,
            Elements.GRANT_SYSTEM_ACCESS,
            Elements.HAND_OVER_KNOWLEDGE_BASE,
            Elements.PROPOSE_AGENTS);
    assertThat(owners(started.path("openSteps")))
        .containsExactly("BRAND", "BRAND", "BRAND", "VENDOR", "BRAND", "BRAND", "VENDOR");

    // who sees what
    assertThat(taskKeys(lead, vendorId))
        .containsExactlyInAnyOrder(Elements.RUN_ONBOARDING_SESSIONS, Elements.PROPOSE_AGENTS);
    assertThat(taskKeys(rm, vendorId))
        .containsExactlyInAnyOrder(
            Elements.AGREE_CONTRACT,
            Elements.ASSIGN_RELATIONSHIP_MANAGER,
            Elements.SET_GROUND_RULES,
            Elements.GRANT_SYSTEM_ACCESS,
            Elements.HAND_OVER_KNOWLEDGE_BASE);
    assertThat(flow.tasksOf(otherLead, vendorId)).isEmpty();
    Problems.assertProblem(api.get(otherLead, "/api/vendors/" + vendorId + "/onboarding"), 404);
    String leadsTask = taskId(lead, vendorId, Elements.PROPOSE_AGENTS);
    Problems.assertProblem(api.get(otherLead, "/api/tasks/" + leadsTask), 404);
    Problems.assertProblem(
        flow.complete(otherLead, leadsTask, Map.of("agentIds", "sneaky-1")), 404);
    Problems.assertProblem(
        flow.complete(lead, taskId(rm, vendorId, Elements.AGREE_CONTRACT), contract(false)), 404);

    // the contract and KPI targets: values the form cannot check are refused by the listener
    String contractTask = taskId(rm, vendorId, Elements.AGREE_CONTRACT);
    Map<String, Object> badTerms = contract(false);
    badTerms.put("monthlyFee", 64000.555);
    badTerms.put("ahtTargetSeconds", 300.125);
    JsonNode refused = Problems.assertProblem(flow.complete(rm, contractTask, badTerms), 422);
    assertThat(Problems.errorFields(refused)).containsExactly("monthlyFee", "ahtTargetSeconds");
    Map<String, Object> targetsWithDefaults = contract(true);
    targetsWithDefaults.put("csatTarget", 90);
    assertThat(
            Problems.errorFields(
                Problems.assertProblem(flow.complete(rm, contractTask, targetsWithDefaults), 422)))
        .containsExactly("csatTarget");
    flow.completeOk(rm, contractTask, contract(false));
    runJobs(instanceId);

    JsonNode contract = api.get(rm, "/api/vendors/" + vendorId + "/contract").json();
    assertThat(contract.path("monthlyFee").decimalValue()).isEqualByComparingTo("64000.00");
    assertThat(contract.path("atRiskPercent").decimalValue()).isEqualByComparingTo("8");
    assertThat(contract.path("serviceLevelThresholdSeconds").asInt()).isEqualTo(25);
    // each weighted KPI is credited with its weight as a share of the at-risk amount
    Map<String, Double> allocations = new LinkedHashMap<>();
    contract
        .path("creditAllocations")
        .fields()
        .forEachRemaining(e -> allocations.put(e.getKey(), e.getValue().doubleValue()));
    assertThat(allocations)
        .containsExactly(
            Map.entry("csat", 20.0),
            Map.entry("nps", 20.0),
            Map.entry("ces", 20.0),
            Map.entry("fcr", 20.0),
            Map.entry("aht", 20.0));
    JsonNode definition =
        api.get(rm, "/api/vendors/" + vendorId + "/scorecard/definition").json().path("kpis");
    assertThat(definition.path("csat").path("target").decimalValue()).isEqualByComparingTo("88");
    assertThat(definition.path("fcr").path("target").decimalValue()).isEqualByComparingTo("75");
    assertThat(definition.path("aht").path("target").decimalValue()).isEqualByComparingTo("300");
    assertThat(definition.path("aht").path("zero").decimalValue()).isEqualByComparingTo("720");

    // the relationship manager: a BPO lead is not one
    String rmTask = taskId(rm, vendorId, Elements.ASSIGN_RELATIONSHIP_MANAGER);
    JsonNode notAnRm =
        Problems.assertProblem(flow.complete(rm, rmTask, Map.of("relationshipManager", lead)), 422);
    assertThat(Problems.errorFields(notAnRm)).containsExactly("relationshipManager");
    flow.completeOk(rm, rmTask, Map.of("relationshipManager", newRm));
    runJobs(instanceId);
    assertThat(api.get(rm, "/api/vendors/" + vendorId).json().path("relationshipManager").asText())
        .isEqualTo(newRm);
    assertThat(
            jdbc.queryForObject(
                "select actor from audit_event where subject_id = ?"
                    + " and action = 'VENDOR_RELATIONSHIP_MANAGER_ASSIGNED'",
                String.class,
                vendorId))
        .isEqualTo(rm);

    flow.completeOk(
        rm,
        taskId(rm, vendorId, Elements.SET_GROUND_RULES),
        Map.of(
            "syncCadence",
            "WEEKLY",
            "reportingCadence",
            "DAILY",
            "escalationPath",
            "Team lead, program manager, then " + newRm));
    // a checklist completes only when every item is done
    String accessTask = taskId(rm, vendorId, Elements.GRANT_SYSTEM_ACCESS);
    JsonNode partly =
        Problems.assertProblem(
            flow.complete(rm, accessTask, Map.of("systemAccessGranted", List.of("CRM"))), 422);
    assertThat(Problems.errorFields(partly)).containsExactly("systemAccessGranted");
    assertThat(Problems.errorMessages(partly, "systemAccessGranted").get(0))
        .contains("TELEPHONY, TICKETING, KNOWLEDGE_BASE, SINGLE_SIGN_ON");
    flow.completeOk(rm, accessTask, systemAccess());
    flow.completeOk(rm, taskId(rm, vendorId, Elements.HAND_OVER_KNOWLEDGE_BASE), knowledgeBase());

    // the vendor's lead: sessions and the proposal
    flow.completeOk(lead, taskId(lead, vendorId, Elements.RUN_ONBOARDING_SESSIONS), sessions());
    JsonNode badIds =
        Problems.assertProblem(
            flow.complete(lead, leadsTask, Map.of("agentIds", "cx-01\nnot valid!")), 422);
    assertThat(Problems.errorFields(badIds)).containsExactly("agentIds");
    flow.completeOk(lead, leadsTask, Map.of("agentIds", "cx-01, cx-02\ncx-03"));
    runJobs(instanceId);

    // vetting: the training owner (the brand) interviews; the lead does not see the interviews
    assertThat(taskKeys(lead, vendorId)).isEmpty();
    JsonNode vetting = onboarding(lead, vendorId).path("vetting");
    assertThat(vetting.path("awaitingInterview").toString())
        .isEqualTo("[\"cx-01\",\"cx-02\",\"cx-03\"]");
    interview(rm, vendorId, "cx-02", "REJECTED", "Written English not yet at the level needed.");
    interview(rm, vendorId, "cx-01", "APPROVED", "Clear and warm.");
    interview(rm, vendorId, "cx-03", "APPROVED", "Strong on de-escalation.");
    runJobs(instanceId);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count())
        .as("onboarding ended")
        .isZero();
    assertThat(output(instanceId, OnboardingProcess.SYNC_CADENCE.name())).isEqualTo("WEEKLY");
    assertThat(output(instanceId, OnboardingProcess.APPROVED_AGENTS.name()))
        .isEqualTo(List.of("cx-01", "cx-03"));

    JsonNode done = onboarding(lead, vendorId);
    assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.path("completedAt").asText()).isNotBlank();
    assertThat(done.path("contract").path("status").asText()).isEqualTo("APPLIED");
    assertThat(done.path("contract").path("appliedBy").asText()).isEqualTo(rm);
    assertThat(done.path("contract").path("defaultKpiTargets").asBoolean()).isFalse();
    assertThat(done.path("relationshipManager").path("username").asText()).isEqualTo(newRm);
    assertThat(done.path("relationshipManager").path("assignedBy").asText()).isEqualTo(rm);
    assertThat(done.path("groundRules").path("syncCadence").asText()).isEqualTo("WEEKLY");
    assertThat(done.path("groundRules").path("reportingCadence").asText()).isEqualTo("DAILY");
    assertThat(done.path("groundRules").path("escalationPath").asText()).endsWith(newRm);
    assertThat(done.path("vetting").path("approved").toString()).isEqualTo("[\"cx-01\",\"cx-03\"]");
    JsonNode rejected = done.path("vetting").path("rejected");
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).path("agentId").asText()).isEqualTo("cx-02");
    assertThat(rejected.get(0).path("note").asText()).startsWith("Written English");
    assertThat(rejected.get(0).path("decidedBy").asText()).isEqualTo(rm);
    assertThat(done.path("openSteps")).isEmpty();
    assertThat(done.path("completedSteps")).hasSize(10);
    assertThat(
            jdbc.queryForList(
                "select action from audit_event where subject_id = ? and action like 'ONBOARDING%'"
                    + " order by id",
                String.class, vendorId))
        .containsExactly(
            "ONBOARDING_STARTED",
            "ONBOARDING_GROUND_RULES_SET",
            "ONBOARDING_CANDIDATE_REJECTED",
            "ONBOARDING_CANDIDATE_APPROVED",
            "ONBOARDING_CANDIDATE_APPROVED",
            "ONBOARDING_COMPLETED");
  }

  @Test
  void lowInvolvementTheBrandRunsSessionsAndVetsTheVendorProposesAgents() {
    String vendorId = vendor("ONB-LOW", "LOW");
    String lead = world.user("lead", "BPO_LEAD", vendorId);
    String instanceId = start(vendorId);

    assertThat(onboarding(rm, vendorId).path("responsibilities").toString())
        .isEqualTo(
            "{\"recruiting\":\"VENDOR\",\"onboardingSessions\":\"BRAND\",\"training\":\"BRAND\","
                + "\"coaching\":\"BRAND\",\"qa\":\"BRAND\"}");
    assertThat(taskKeys(lead, vendorId)).containsExactly(Elements.PROPOSE_AGENTS);
    assertThat(taskKeys(rm, vendorId)).contains(Elements.RUN_ONBOARDING_SESSIONS);

    flow.completeOk(rm, taskId(rm, vendorId, Elements.AGREE_CONTRACT), contract(true));
    flow.completeOk(
        rm,
        taskId(rm, vendorId, Elements.ASSIGN_RELATIONSHIP_MANAGER),
        Map.of("relationshipManager", rm));
    flow.completeOk(
        rm,
        taskId(rm, vendorId, Elements.SET_GROUND_RULES),
        Map.of(
            "syncCadence", "MONTHLY", "reportingCadence", "WEEKLY", "escalationPath", "Lead, RM"));
    flow.completeOk(rm, taskId(rm, vendorId, Elements.GRANT_SYSTEM_ACCESS), systemAccess());
    flow.completeOk(rm, taskId(rm, vendorId, Elements.HAND_OVER_KNOWLEDGE_BASE), knowledgeBase());
    flow.completeOk(rm, taskId(rm, vendorId, Elements.RUN_ONBOARDING_SESSIONS), sessions());
    // every candidate rejected: the vendor proposes again
    flow.completeOk(
        lead, taskId(lead, vendorId, Elements.PROPOSE_AGENTS), Map.of("agentIds", "lo-1"));
    runJobs(instanceId);
    interview(rm, vendorId, "lo-1", "REJECTED", "Did not show up.");
    runJobs(instanceId);
    assertThat(taskKeys(lead, vendorId)).containsExactly(Elements.PROPOSE_AGENTS);
    flow.completeOk(
        lead, taskId(lead, vendorId, Elements.PROPOSE_AGENTS), Map.of("agentIds", "lo-2 lo-3"));
    runJobs(instanceId);
    interview(rm, vendorId, "lo-2", "APPROVED", "Good.");
    interview(rm, vendorId, "lo-3", "APPROVED", "Good.");
    runJobs(instanceId);

    assertThat(output(instanceId, OnboardingProcess.SYNC_CADENCE.name())).isEqualTo("MONTHLY");
    assertThat(output(instanceId, OnboardingProcess.APPROVED_AGENTS.name()))
        .isEqualTo(List.of("lo-2", "lo-3"));
    JsonNode done = onboarding(rm, vendorId);
    assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.path("contract").path("defaultKpiTargets").asBoolean()).isTrue();
    assertThat(done.path("vetting").path("rejected").get(0).path("agentId").asText())
        .isEqualTo("lo-1");
    // the default targets, and the contract credits the five weighted KPIs
    JsonNode definition =
        api.get(rm, "/api/vendors/" + vendorId + "/scorecard/definition").json().path("kpis");
    assertThat(definition.path("csat").path("target").decimalValue()).isEqualByComparingTo("85");
    assertThat(definition.path("aht").path("target").decimalValue()).isEqualByComparingTo("360");
    assertThat(
            api.get(rm, "/api/vendors/" + vendorId + "/contract").json().path("creditAllocations"))
        .hasSize(5);
    assertThat(api.get(rm, "/api/vendors/" + vendorId).json().path("relationshipManager").asText())
        .isEqualTo(rm);
  }

  @Test
  void theOnboardingReadIsScopedAndNeedsAnOnboarding() {
    String vendorId = vendor("ONB-NONE", "HIGH");
    String lead = world.user("lead", "BPO_LEAD", vendorId);

    Problems.assertProblem(api.get(rm, "/api/vendors/" + vendorId + "/onboarding"), 404);
    Problems.assertProblem(api.get(rm, "/api/vendors/no-such-vendor/onboarding"), 404);
    Problems.assertProblem(api.get(null, "/api/vendors/" + vendorId + "/onboarding"), 401);

    start(vendorId);
    assertThat(onboarding(lead, vendorId).path("involvement").asText()).isEqualTo("HIGH");
    assertThat(
            onboarding(TestProperties.ADMIN, vendorId).path("responsibilities").path("qa").asText())
        .isEqualTo("VENDOR");
    Problems.assertProblem(api.get(otherLead, "/api/vendors/" + vendorId + "/onboarding"), 404);
  }

  // --- helpers

  String vendor(String code, String involvement) {
    Map<String, Object> body = new LinkedHashMap<>(TestWorld.vendorBody(world.unique(code)));
    body.put("involvement", involvement);
    body.put("deliveryModel", "NEARSHORE");
    body.put("timeZone", "America/Bogota");
    body.put("languages", List.of("es", "en"));
    Api.Response response = api.post(TestProperties.ADMIN, "/api/vendors", body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().path("id").asText();
  }

  /** Starts the onboarding as the vendor lifecycle does, and decides the split. */
  String start(String vendorId) {
    VariableMap variables = Variables.createVariables();
    OnboardingProcess.VENDOR_ID.on(variables, vendorId);
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            OnboardingProcess.PROCESS_KEY, vendorId, variables);
    runJobs(instance.getId());
    return instance.getId();
  }

  /** Runs the instance's async continuations, as the job executor would. */
  void runJobs(String processInstanceId) {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs =
          managementService
              .createJobQuery()
              .processInstanceId(processInstanceId)
              .executable()
              .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  JsonNode onboarding(String user, String vendorId) {
    Api.Response response = api.get(user, "/api/vendors/" + vendorId + "/onboarding");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  List<String> taskKeys(String user, String vendorId) {
    return flow.tasksOf(user, vendorId).stream()
        .filter(t -> OnboardingProcess.PROCESS_KEY.equals(t.path("processKey").asText()))
        .map(t -> t.path("taskKey").asText())
        .toList();
  }

  String taskId(String user, String vendorId, String taskKey) {
    return flow.requireTask(user, vendorId, taskKey).path("id").asText();
  }

  void interview(String user, String vendorId, String candidate, String decision, String note) {
    String taskId =
        flow.tasksOf(user, vendorId).stream()
            .filter(t -> Elements.INTERVIEW_CANDIDATE.equals(t.path("taskKey").asText()))
            .map(t -> t.path("id").asText())
            .filter(
                id ->
                    candidate.equals(
                        taskService.getVariable(id, OnboardingProcess.CANDIDATE_ID.name())))
            .findFirst()
            .orElseThrow(() -> new AssertionError(user + " has no interview of " + candidate));
    flow.completeOk(user, taskId, Map.of("vettingDecision", decision, "vettingNote", note));
    runJobs(
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(OnboardingProcess.PROCESS_KEY)
            .processInstanceBusinessKey(vendorId)
            .singleResult()
            .getId());
  }

  Object output(String instanceId, String name) {
    return historyService
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId)
        .variableName(name)
        .list()
        .stream()
        .filter(v -> instanceId.equals(v.getExecutionId()))
        .map(v -> v.getValue())
        .findFirst()
        .orElse(null);
  }

  static Map<String, Object> contract(boolean keepDefaults) {
    Map<String, Object> terms = new LinkedHashMap<>();
    terms.put("monthlyFee", 64000);
    terms.put("atRiskPercent", 8);
    terms.put("serviceLevelThresholdSeconds", 25);
    terms.put("keepDefaultKpiTargets", keepDefaults);
    if (!keepDefaults) {
      terms.put("csatTarget", 88);
      terms.put("ahtTargetSeconds", 300);
    }
    return terms;
  }

  static Map<String, Object> systemAccess() {
    return Map.of(
        "systemAccessGranted",
        List.of("CRM", "TELEPHONY", "TICKETING", "KNOWLEDGE_BASE", "SINGLE_SIGN_ON"));
  }

  static Map<String, Object> knowledgeBase() {
    return Map.of(
        "knowledgeBaseHandedOver",
        List.of("SOPS", "MACROS", "PRODUCT_CATALOG", "POLICIES", "ESCALATION_MATRIX"),
        "knowledgeBaseNotes",
        "Refund macro out of date: flagged");
  }

  static Map<String, Object> sessions() {
    return Map.of(
        "sessionsHeld", 3, "topicsCovered", List.of("BRAND_AND_CX_GOALS", "PRODUCTS", "TOOLS"));
  }

  static List<String> stepKeys(JsonNode steps) {
    List<String> keys = new ArrayList<>();
    steps.forEach(s -> keys.add(s.path("taskKey").asText()));
    return keys;
  }

  static List<String> owners(JsonNode steps) {
    List<String> owners = new ArrayList<>();
    steps.forEach(s -> owners.add(s.path("owner").asText()));
    return owners;
  }
}
