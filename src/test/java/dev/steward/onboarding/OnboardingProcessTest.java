package dev.steward.onboarding;

import static dev.steward.onboarding.OnboardingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;

import dev.steward.onboarding.OnboardingProcess.Elements;
import dev.steward.platform.FlowNodeCoverage;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.ProcessTests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code processes/vendor-onboarding.bpmn} on an in-memory engine with mocked
 * delegates: the responsibility split routing tasks to the brand or the vendor, the parallel work,
 * vetting with a rejected candidate, a round where every candidate is rejected, and the form checks
 * of the complete listeners. The job executor is off; async jobs are executed explicitly.
 */
@Deployment(
    resources = {
      "processes/vendor-onboarding.bpmn",
      "processes/onboarding-contract.form",
      "processes/onboarding-relationship-manager.form",
      "processes/onboarding-ground-rules.form",
      "processes/onboarding-sessions.form",
      "processes/onboarding-propose-agents.form",
      "processes/onboarding-interview.form",
      "processes/onboarding-system-access.form",
      "processes/onboarding-knowledge-base.form"
    })
class OnboardingProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @RegisterExtension
  @Order(2)
  static FlowNodeCoverage coverage =
      FlowNodeCoverage.of(
          PROCESS_KEY, "processes/vendor-onboarding.bpmn", extension::getProcessEngine);

  static final String DETERMINE_SPLIT_DELEGATE = "determineResponsibilitySplitDelegate";
  static final String APPLY_CONTRACT_DELEGATE = "applyContractAndKpiTargetsDelegate";
  static final String RECORD_RM_DELEGATE = "recordRelationshipManagerDelegate";
  static final String RECORD_GROUND_RULES_DELEGATE = "recordGroundRulesDelegate";
  static final String RECORD_VETTING_DECISION_DELEGATE = "recordVettingDecisionDelegate";
  static final String RECORD_VETTING_RESULTS_DELEGATE = "recordVettingResultsDelegate";
  static final String RECORD_COMPLETE_DELEGATE = "recordOnboardingCompleteDelegate";

  // diagram elements the application does not name
  static final String START_VETTING = "StartEvent_VettingStarted";
  static final String END_CANDIDATE_VETTED = "EndEvent_CandidateVetted";

  static final String BRAND = "relationship-managers";
  static final String VENDOR = "bpo-leads";
  static final String VENDOR_ID_VALUE = "vendor-cedar";
  static final String RM = "rachel";
  static final String LEAD = "sofia";
  static final Instant NOW = Instant.parse("2030-03-04T09:00:00Z");

  private final Map<String, Integer> delegateCalls = new LinkedHashMap<>();

  /** What the mocked decision store recorded: candidate -> decision, in order. */
  private final Map<String, String> decisions = new LinkedHashMap<>();

  private final List<String> interviewers = new ArrayList<>();

  /** The split the mocked split delegate applies: recruiting, sessions, training (vetting). */
  private String[] split = {VENDOR, VENDOR, BRAND};

  private boolean applyContractFails = false;

  private RuntimeService runtimeService;
  private TaskService taskService;
  private ManagementService managementService;

  @BeforeEach
  void setUp() {
    init(extension.getProcessEngine());
    runtimeService = extension.getRuntimeService();
    taskService = extension.getTaskService();
    managementService = extension.getManagementService();
    extension.setCurrentTime(Date.from(NOW));

    mockDelegate(
        DETERMINE_SPLIT_DELEGATE,
        execution -> {
          RECRUITING_GROUP.on(execution, split[0]);
          ONBOARDING_SESSIONS_GROUP.on(execution, split[1]);
          TRAINING_GROUP.on(execution, split[2]);
          VETTING_GROUP.on(execution, split[2]);
          COACHING_GROUP.on(execution, VENDOR);
          QA_GROUP.on(execution, BRAND);
        });
    mockDelegate(
        APPLY_CONTRACT_DELEGATE,
        execution -> {
          if (applyContractFails) {
            throw new IllegalStateException("scorecard store unavailable");
          }
        });
    mockDelegate(RECORD_RM_DELEGATE, execution -> {});
    mockDelegate(RECORD_GROUND_RULES_DELEGATE, execution -> {});
    mockDelegate(
        RECORD_VETTING_DECISION_DELEGATE,
        execution -> {
          decisions.put(
              CANDIDATE_ID.requiredFrom(execution), VETTING_DECISION.requiredFrom(execution));
          interviewers.add(INTERVIEWED_BY.from(execution));
        });
    mockDelegate(
        RECORD_VETTING_RESULTS_DELEGATE,
        execution -> {
          List<String> approved = withDecision(APPROVED);
          APPROVED_AGENTS.on(execution, approved);
          REJECTED_AGENTS.on(execution, withDecision(REJECTED));
          ANY_CANDIDATE_APPROVED.on(execution, !approved.isEmpty());
        });
    mockDelegate(
        RECORD_COMPLETE_DELEGATE,
        execution -> APPROVED_AGENTS.on(execution, withDecision(APPROVED)));

    // the form checks that need no application services are the real listeners
    Mocks.register("checkContractTermsListener", new CheckContractTermsListener());
    Mocks.register("checkProposedAgentsListener", new CheckProposedAgentsListener());
    Mocks.register("checkChecklistCompleteListener", new CheckChecklistCompleteListener());
    Mocks.register(
        "checkRelationshipManagerListener",
        (TaskListener)
            task -> {
              if (!RM.equals(RELATIONSHIP_MANAGER.from(task))) {
                throw InvalidDataException.of(
                    RELATIONSHIP_MANAGER.name(), "is not a relationship manager");
              }
            });
    Mocks.register(
        "rememberInterviewerListener",
        (TaskListener) task -> INTERVIEWED_BY.on(task.getExecution(), task.getAssignee()));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    reset();
  }

  @AfterAll
  static void flowNodeCoverageIsAtLeastNinetyPercent() {
    System.out.println(coverage.report());
    assertThat(coverage.ratio()).as(coverage.report()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  @DisplayName(
      "partial involvement: the vendor recruits and runs sessions, the brand vets; one candidate"
          + " rejected; the outputs are the sync cadence and the approved agents")
  void partialInvolvementWithARejectedCandidate() {
    ProcessInstance onboarding = start();

    assertThat(onboarding)
        .isStarted()
        .hasBusinessKey(VENDOR_ID_VALUE)
        .isWaitingAtExactly(Elements.DETERMINE_SPLIT);
    assertThat(asyncJob(onboarding, Elements.DETERMINE_SPLIT)).hasRetries(3);
    executeJobs(onboarding);

    assertThat(onboarding)
        .hasPassedInOrder(
            Elements.START_EVENT, Elements.DETERMINE_SPLIT, Elements.GATEWAY_START_WORK)
        .isWaitingAtExactly(
            Elements.AGREE_CONTRACT,
            Elements.ASSIGN_RELATIONSHIP_MANAGER,
            Elements.SET_GROUND_RULES,
            Elements.RUN_ONBOARDING_SESSIONS,
            Elements.GRANT_SYSTEM_ACCESS,
            Elements.HAND_OVER_KNOWLEDGE_BASE,
            Elements.PROPOSE_AGENTS);
    assertThat(groupsOf(task(onboarding, Elements.AGREE_CONTRACT))).containsExactly(BRAND);
    assertThat(groupsOf(task(onboarding, Elements.ASSIGN_RELATIONSHIP_MANAGER)))
        .containsExactly(BRAND);
    assertThat(groupsOf(task(onboarding, Elements.SET_GROUND_RULES))).containsExactly(BRAND);
    assertThat(groupsOf(task(onboarding, Elements.GRANT_SYSTEM_ACCESS))).containsExactly(BRAND);
    assertThat(groupsOf(task(onboarding, Elements.HAND_OVER_KNOWLEDGE_BASE)))
        .containsExactly(BRAND);
    assertThat(groupsOf(task(onboarding, Elements.RUN_ONBOARDING_SESSIONS)))
        .containsExactly(VENDOR);
    assertThat(groupsOf(task(onboarding, Elements.PROPOSE_AGENTS))).containsExactly(VENDOR);
    assertThat(formOf(task(onboarding, Elements.PROPOSE_AGENTS))).isEqualTo("Form_ProposeAgents");
    assertThat(formOf(task(onboarding, Elements.AGREE_CONTRACT)))
        .isEqualTo("Form_AgreeContractAndKpiTargets");

    completeBrandWork(onboarding);
    assertThat(delegateCalls)
        .containsEntry(APPLY_CONTRACT_DELEGATE, 1)
        .containsEntry(RECORD_RM_DELEGATE, 1)
        .containsEntry(RECORD_GROUND_RULES_DELEGATE, 1);
    completeAs(LEAD, task(onboarding, Elements.RUN_ONBOARDING_SESSIONS), sessions());
    completeAs(
        LEAD,
        task(onboarding, Elements.PROPOSE_AGENTS),
        Map.of("agentIds", "cedar-a01\ncedar-a02, cedar-a03"));

    assertThat(runtimeService.getVariable(onboarding.getId(), PROPOSED_AGENTS.name()))
        .isEqualTo(List.of("cedar-a01", "cedar-a02", "cedar-a03"));
    List<Task> interviews = tasks(onboarding, Elements.INTERVIEW_CANDIDATE);
    assertThat(interviews).hasSize(3);
    assertThat(interviews)
        .extracting(t -> taskService.getVariable(t.getId(), CANDIDATE_ID.name()))
        .containsExactlyInAnyOrder("cedar-a01", "cedar-a02", "cedar-a03");
    interviews.forEach(t -> assertThat(groupsOf(t)).containsExactly(BRAND));
    assertThat(formOf(interviews.get(0))).isEqualTo("Form_InterviewCandidate");

    interview(onboarding, "cedar-a02", REJECTED, "Written English not yet at the level we need.");
    interview(onboarding, "cedar-a01", APPROVED, "Clear, warm, knows the product category.");
    assertThat(onboarding).isWaitingAt(Elements.INTERVIEW_CANDIDATE).isNotEnded();
    interview(onboarding, "cedar-a03", APPROVED, "Strong on de-escalation.");

    assertThat(decisions)
        .containsExactly(
            Map.entry("cedar-a02", REJECTED),
            Map.entry("cedar-a01", APPROVED),
            Map.entry("cedar-a03", APPROVED));
    assertThat(interviewers).containsOnly(RM);
    assertThat(onboarding)
        .hasPassed(
            Elements.VET_CANDIDATE,
            START_VETTING,
            Elements.RECORD_VETTING_DECISION,
            END_CANDIDATE_VETTED,
            Elements.RECORD_VETTING_RESULTS,
            Elements.GATEWAY_ANY_CANDIDATE_APPROVED,
            Elements.GATEWAY_WORK_DONE,
            Elements.RECORD_ONBOARDING_COMPLETE,
            Elements.END_EVENT_ONBOARDED)
        .isEnded();
    assertThat(historic(onboarding, SYNC_CADENCE.name())).isEqualTo("BIWEEKLY");
    assertThat(historic(onboarding, APPROVED_AGENTS.name()))
        .isEqualTo(List.of("cedar-a01", "cedar-a03"));
    assertThat(historic(onboarding, REJECTED_AGENTS.name())).isEqualTo(List.of("cedar-a02"));
    assertThat(delegateCalls)
        .containsEntry(DETERMINE_SPLIT_DELEGATE, 1)
        .containsEntry(RECORD_VETTING_DECISION_DELEGATE, 3)
        .containsEntry(RECORD_VETTING_RESULTS_DELEGATE, 1)
        .containsEntry(RECORD_COMPLETE_DELEGATE, 1);
  }

  @Test
  @DisplayName("when every candidate is rejected the recruiting owner proposes others")
  void everyCandidateRejectedMeansANewProposal() {
    ProcessInstance onboarding = startAndSplit();
    completeAs(LEAD, task(onboarding, Elements.PROPOSE_AGENTS), Map.of("agentIds", "cedar-b01"));
    interview(onboarding, "cedar-b01", REJECTED, "No-show at the interview.");

    assertThat(onboarding)
        .hasPassed(Elements.GATEWAY_ANY_CANDIDATE_APPROVED)
        .isWaitingAt(Elements.PROPOSE_AGENTS)
        .hasNotPassed(Elements.GATEWAY_WORK_DONE);
    assertThat(passCount(onboarding, Elements.GATEWAY_AGENTS_NEEDED)).isEqualTo(2);
    assertThat(runtimeService.getVariable(onboarding.getId(), ANY_CANDIDATE_APPROVED.name()))
        .isEqualTo(false);

    completeAs(
        LEAD, task(onboarding, Elements.PROPOSE_AGENTS), Map.of("agentIds", "cedar-b02;cedar-b03"));
    interview(onboarding, "cedar-b02", APPROVED, "Good.");
    interview(onboarding, "cedar-b03", REJECTED, "Not available for night shifts.");

    assertThat(onboarding)
        .isWaitingAt(Elements.AGREE_CONTRACT)
        .hasPassed(Elements.GATEWAY_ANY_CANDIDATE_APPROVED);
    assertThat(runtimeService.getVariable(onboarding.getId(), APPROVED_AGENTS.name()))
        .isEqualTo(List.of("cedar-b02"));
    assertThat(passCount(onboarding, Elements.PROPOSE_AGENTS)).isEqualTo(2);

    completeBrandWork(onboarding);
    completeAs(LEAD, task(onboarding, Elements.RUN_ONBOARDING_SESSIONS), sessions());

    assertThat(onboarding).isEnded().hasPassed(Elements.END_EVENT_ONBOARDED);
    assertThat(historic(onboarding, APPROVED_AGENTS.name())).isEqualTo(List.of("cedar-b02"));
  }

  @Test
  @DisplayName("low involvement: the brand runs the sessions and vets; the vendor proposes agents")
  void lowInvolvementRoutesSessionsAndVettingToTheBrand() {
    split = new String[] {VENDOR, BRAND, BRAND};
    ProcessInstance onboarding = startAndSplit();

    assertThat(groupsOf(task(onboarding, Elements.RUN_ONBOARDING_SESSIONS))).containsExactly(BRAND);
    assertThat(groupsOf(task(onboarding, Elements.PROPOSE_AGENTS))).containsExactly(VENDOR);
    completeAs(LEAD, task(onboarding, Elements.PROPOSE_AGENTS), Map.of("agentIds", "bright-a01"));
    assertThat(groupsOf(tasks(onboarding, Elements.INTERVIEW_CANDIDATE).get(0)))
        .containsExactly(BRAND);
  }

  @Test
  @DisplayName("high involvement: the vendor's leads also vet their agents")
  void highInvolvementRoutesVettingToTheVendor() {
    split = new String[] {VENDOR, VENDOR, VENDOR};
    ProcessInstance onboarding = startAndSplit();
    completeAs(LEAD, task(onboarding, Elements.PROPOSE_AGENTS), Map.of("agentIds", "nordic-a01"));

    assertThat(groupsOf(tasks(onboarding, Elements.INTERVIEW_CANDIDATE).get(0)))
        .containsExactly(VENDOR);
    interview(onboarding, "nordic-a01", APPROVED, "Fine.", LEAD);
    assertThat(interviewers).containsExactly(LEAD);
  }

  @Test
  @DisplayName("invalid agent ids are refused and the proposal stays open")
  void invalidAgentIdsAreRefused() {
    ProcessInstance onboarding = startAndSplit();
    Task propose = task(onboarding, Elements.PROPOSE_AGENTS);
    taskService.setAssignee(propose.getId(), LEAD);

    assertThatThrownBy(
            () ->
                taskService.complete(
                    propose.getId(), Map.of("agentIds", "good-1, bad id!, good-1")))
        .hasRootCauseInstanceOf(InvalidDataException.class)
        .rootCause()
        .satisfies(
            e ->
                assertThat(((InvalidDataException) e).errors())
                    .extracting(f -> f.field() + ": " + f.message())
                    .containsExactly(
                        "agentIds: 'id!' is not an agent id: 1-64 characters of letters, digits,"
                            + " '.', '_', ':' or '-'",
                        "agentIds: 'good-1' is listed twice"));
    assertThatThrownBy(() -> taskService.complete(propose.getId(), Map.of("agentIds", " , ")))
        .hasRootCauseInstanceOf(InvalidDataException.class);
    assertThatThrownBy(
            () -> taskService.complete(propose.getId(), Map.of("agentIds", "x".repeat(65))))
        .hasRootCauseInstanceOf(InvalidDataException.class);

    assertThat(onboarding)
        .isWaitingAt(Elements.PROPOSE_AGENTS)
        .hasNotPassed(Elements.VET_CANDIDATE);
  }

  @Test
  @DisplayName("a checklist completes only with every item; contract terms are checked")
  void formChecksOfTheBrandTasks() {
    ProcessInstance onboarding = startAndSplit();
    Task access = task(onboarding, Elements.GRANT_SYSTEM_ACCESS);

    assertThatThrownBy(
            () ->
                taskService.complete(
                    access.getId(), Map.of("systemAccessGranted", "CRM,TELEPHONY,TICKETING")))
        .hasRootCauseInstanceOf(InvalidDataException.class)
        .hasRootCauseMessage("The request has invalid data");
    Task contract = task(onboarding, Elements.AGREE_CONTRACT);
    Map<String, Object> terms = new LinkedHashMap<>(contract());
    terms.put("monthlyFee", 1000.005);
    terms.put("keepDefaultKpiTargets", false);
    terms.put("ahtTargetSeconds", 900L);
    assertThatThrownBy(() -> taskService.complete(contract.getId(), terms))
        .rootCause()
        .satisfies(
            e ->
                assertThat(((InvalidDataException) e).errors())
                    .extracting(f -> f.field())
                    .containsExactly("monthlyFee", "ahtTargetSeconds"));
    Task rm = task(onboarding, Elements.ASSIGN_RELATIONSHIP_MANAGER);
    assertThatThrownBy(
            () -> taskService.complete(rm.getId(), Map.of("relationshipManager", "mallory")))
        .hasRootCauseInstanceOf(InvalidDataException.class);

    assertThat(onboarding)
        .isWaitingAt(
            Elements.GRANT_SYSTEM_ACCESS,
            Elements.AGREE_CONTRACT,
            Elements.ASSIGN_RELATIONSHIP_MANAGER);
    assertThat(delegateCalls).doesNotContainKeys(APPLY_CONTRACT_DELEGATE, RECORD_RM_DELEGATE);

    // checklists arrive as comma-separated text from the task API, as a JSON array from Tasklist
    completeAs(
        RM,
        access,
        Map.of(
            "systemAccessGranted",
            "[\"CRM\",\"TELEPHONY\",\"TICKETING\",\"KNOWLEDGE_BASE\",\"SINGLE_SIGN_ON\"]"));
    assertThat(onboarding).hasPassed(Elements.GRANT_SYSTEM_ACCESS);
  }

  @Test
  @DisplayName("a failing contract application is retried every 5 minutes, the rest goes on")
  void failingContractApplicationIsRetried() {
    ProcessInstance onboarding = startAndSplit();
    Task agree = task(onboarding, Elements.AGREE_CONTRACT);
    taskService.setAssignee(agree.getId(), RM);
    taskService.complete(agree.getId(), contract());
    applyContractFails = true;
    String jobId = asyncJob(onboarding, Elements.APPLY_CONTRACT).getId();

    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .hasMessageContaining("scorecard store unavailable");

    Job retried = asyncJob(onboarding, Elements.APPLY_CONTRACT);
    assertThat(retried).hasRetries(2).hasDueDate(Date.from(NOW.plus(Duration.ofMinutes(5))));
    assertThat(onboarding).isWaitingAt(Elements.APPLY_CONTRACT, Elements.PROPOSE_AGENTS);

    applyContractFails = false;
    managementService.executeJob(retried.getId());
    assertThat(onboarding).hasPassed(Elements.APPLY_CONTRACT);
  }

  // --- helpers

  private ProcessInstance start() {
    VariableMap variables = Variables.createVariables();
    VENDOR_ID.on(variables, VENDOR_ID_VALUE);
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, VENDOR_ID_VALUE, variables);
  }

  private ProcessInstance startAndSplit() {
    ProcessInstance onboarding = start();
    executeJobs(onboarding);
    return onboarding;
  }

  /** Contract, relationship manager, ground rules, system access and knowledge base. */
  private void completeBrandWork(ProcessInstance onboarding) {
    completeAs(RM, task(onboarding, Elements.AGREE_CONTRACT), contract());
    completeAs(
        RM,
        task(onboarding, Elements.ASSIGN_RELATIONSHIP_MANAGER),
        Map.of("relationshipManager", RM));
    completeAs(
        RM,
        task(onboarding, Elements.SET_GROUND_RULES),
        Map.of(
            "syncCadence",
            "BIWEEKLY",
            "reportingCadence",
            "WEEKLY",
            "escalationPath",
            "Team lead, then program manager, then rachel"));
    completeAs(
        RM,
        task(onboarding, Elements.GRANT_SYSTEM_ACCESS),
        Map.of("systemAccessGranted", "CRM,TELEPHONY,TICKETING,KNOWLEDGE_BASE,SINGLE_SIGN_ON"));
    completeAs(
        RM,
        task(onboarding, Elements.HAND_OVER_KNOWLEDGE_BASE),
        Map.of(
            "knowledgeBaseHandedOver", "SOPS,MACROS,PRODUCT_CATALOG,POLICIES,ESCALATION_MATRIX"));
  }

  private static Map<String, Object> contract() {
    Map<String, Object> terms = new LinkedHashMap<>();
    terms.put("monthlyFee", 64000L);
    terms.put("atRiskPercent", 8L);
    terms.put("serviceLevelThresholdSeconds", 20L);
    terms.put("keepDefaultKpiTargets", true);
    return terms;
  }

  private static Map<String, Object> sessions() {
    return Map.of("sessionsHeld", 3L, "topicsCovered", "BRAND_AND_CX_GOALS,PRODUCTS,TOOLS");
  }

  private void interview(
      ProcessInstance onboarding, String candidate, String decision, String note) {
    interview(onboarding, candidate, decision, note, RM);
  }

  private void interview(
      ProcessInstance onboarding, String candidate, String decision, String note, String by) {
    Task interview =
        tasks(onboarding, Elements.INTERVIEW_CANDIDATE).stream()
            .filter(t -> candidate.equals(taskService.getVariable(t.getId(), CANDIDATE_ID.name())))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no interview of " + candidate));
    completeAs(by, interview, Map.of("vettingDecision", decision, "vettingNote", note));
  }

  /** Completes the task as the user (the task API makes the completer the assignee). */
  private void completeAs(String user, Task task, Map<String, Object> variables) {
    taskService.setAssignee(task.getId(), user);
    taskService.complete(task.getId(), variables);
    executeJobs(
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult());
  }

  /** Runs the async continuations until none is left (timers are not due). */
  private void executeJobs(ProcessInstance instance) {
    if (instance == null) {
      return;
    }
    for (int round = 0; round < 50; round++) {
      List<Job> jobs =
          managementService
              .createJobQuery()
              .processInstanceId(instance.getId())
              .executable()
              .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  private Job asyncJob(ProcessInstance instance, String activityId) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("async job of %s", activityId).isNotNull();
    return job;
  }

  private Task task(ProcessInstance instance, String key) {
    List<Task> tasks = tasks(instance, key);
    assertThat(tasks).as("open %s", key).hasSize(1);
    return tasks.get(0);
  }

  private List<Task> tasks(ProcessInstance instance, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(key)
        .list();
  }

  private List<String> groupsOf(Task task) {
    return ProcessTests.candidateGroupsOf(extension.getProcessEngine(), task);
  }

  private String formOf(Task task) {
    return ProcessTests.formKeyOf(extension.getProcessEngine(), task);
  }

  private List<String> withDecision(String decision) {
    return decisions.entrySet().stream()
        .filter(e -> e.getValue().equals(decision))
        .map(Map.Entry::getKey)
        .toList();
  }

  private long passCount(ProcessInstance instance, String activityId) {
    return ProcessTests.passCount(extension.getProcessEngine(), instance, activityId);
  }

  private Object historic(ProcessInstance instance, String name) {
    return ProcessTests.historicVariable(extension.getProcessEngine(), instance, name);
  }

  private void mockDelegate(String name, JavaDelegate behaviour) {
    Mocks.register(
        name,
        (JavaDelegate)
            execution -> {
              behaviour.execute(execution);
              delegateCalls.merge(name, 1, Integer::sum);
            });
  }
}
