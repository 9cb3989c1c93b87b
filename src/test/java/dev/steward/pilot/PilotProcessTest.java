package dev.steward.pilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.steward.pilot.PilotProcess.Elements;
import dev.steward.pilot.PilotProcess.Groups;
import dev.steward.platform.FieldError;
import dev.steward.platform.FlowNodeCoverage;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.ProcessTests;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * Every path of {@code processes/vendor-pilot.bpmn} on an in-memory engine: the thin delegates are
 * the real ones, the {@link PilotService} behind them a mock. The pilot timer is fired explicitly.
 * A test-only caller checks the call-activity contract (vendorId in, pilotOutcome and pilotId out).
 */
@Deployment(
    resources = {
      "processes/vendor-pilot.bpmn",
      "processes/pilot-plan.form",
      "processes/pilot-decide.form",
      "pilot/pilot-caller-stub.bpmn"
    })
class PilotProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @RegisterExtension
  @Order(2)
  static FlowNodeCoverage coverage =
      FlowNodeCoverage.of(
          PilotProcess.PROCESS_KEY, "processes/vendor-pilot.bpmn", extension::getProcessEngine);

  static final String VENDOR = "vendor-hansa";
  static final String PILOT = "pilot-1";
  static final String RM = "rachel";
  static final String EXECUTIVE = "erin";
  static final Instant NOW = Instant.parse("2030-03-01T09:00:00Z");
  static final Instant ENDS_AT = Instant.parse("2030-03-16T00:00:00Z");
  static final String TARGETS = "| KPI | target |\n| csat | 85 |\n";
  static final String COMPARISON = "| KPI | HANSA-HH | ACME-MNL |\n| csat | 90.00 | 80.00 |\n";

  private final PilotService pilots = mock(PilotService.class);
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

    when(pilots.open(eq(VENDOR), anyString()))
        .thenReturn(new PilotService.Opened(PILOT, RM, TARGETS));
    when(pilots.plan(eq(PILOT), any(), any())).thenReturn(ENDS_AT);
    when(pilots.score(PILOT)).thenReturn(COMPARISON);
    when(pilots.decide(eq(PILOT), anyString(), anyString(), any(), any()))
        .thenAnswer(call -> call.getArgument(1));

    Mocks.register("openPilotDelegate", new OpenPilotDelegate(pilots));
    Mocks.register("storePilotPlanDelegate", new StorePilotPlanDelegate(pilots));
    Mocks.register("computePilotScorecardDelegate", new ComputePilotScorecardDelegate(pilots));
    Mocks.register("recordPilotDecisionDelegate", new RecordPilotDecisionDelegate(pilots));
    Mocks.register("rememberPilotCompleterListener", new RememberPilotCompleterListener());
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
      "planned, the timer ends the pilot, the scorecard is computed, the executive says go")
  void goPath() throws IOException {
    ProcessInstance pilot = startPilot();

    assertThat(pilot)
        .isStarted()
        .hasBusinessKey(VENDOR)
        .hasPassedInOrder(Elements.START_EVENT, Elements.OPEN_PILOT)
        .isWaitingAtExactly(Elements.PLAN_PILOT);
    assertThat(pilot)
        .variables()
        .containsEntry(PilotProcess.PILOT_ID.name(), PILOT)
        .containsEntry(PilotProcess.KPI_TARGETS.name(), TARGETS);
    Task plan = task(Elements.PLAN_PILOT, pilot);
    assertThat(plan).isAssignedTo(RM).hasCandidateGroupAssociated(Groups.RELATIONSHIP_MANAGERS);
    assertThat(formKeyOf(plan)).isEqualTo("Form_PlanPilot");
    assertThat(deployedFormOf(plan))
        .contains(
            "{{kpiTargets}}", "\"key\": \"liveVolumeSharePercent\"", "\"key\": \"startDate\"");

    taskService.complete(plan.getId(), plan("ACME-MNL"));

    verify(pilots)
        .plan(
            PILOT,
            new PilotService.PlanInput(
                "German e-mail and chat for DACH", 20L, "2030-03-02", 14L, "ACME-MNL"),
            RM);
    assertThat(pilot)
        .hasPassedInOrder(Elements.PLAN_PILOT, Elements.STORE_PLAN)
        .isWaitingAtExactly(Elements.TIMER_PILOT_ENDED);
    assertThat(pilot)
        .variables()
        .containsEntry(PilotProcess.PILOT_ENDS_AT.name(), Date.from(ENDS_AT));
    Job timer = timer(pilot);
    assertThat(timer).hasDueDate(Date.from(ENDS_AT));
    verify(pilots, never()).score(anyString());

    managementService.executeJob(timer.getId());

    assertThat(pilot).isWaitingAtExactly(Elements.COMPUTE_SCORECARD);
    verify(pilots, never()).score(anyString());
    Job compute = asyncJob(pilot);
    assertThat(compute).hasRetries(3);
    managementService.executeJob(compute.getId());

    assertThat(pilot).isWaitingAtExactly(Elements.DECIDE_GO_NO_GO);
    assertThat(pilot).variables().containsEntry(PilotProcess.PILOT_COMPARISON.name(), COMPARISON);
    Task decide = task(Elements.DECIDE_GO_NO_GO, pilot);
    assertThat(decide).isNotAssigned().hasCandidateGroup(Groups.EXECUTIVES);
    assertThat(candidateGroupsOf(decide)).containsExactly(Groups.EXECUTIVES);
    assertThat(formKeyOf(decide)).isEqualTo("Form_DecideGoNoGo");
    assertThat(deployedFormOf(decide)).contains("{{pilotComparison}}", "\"value\": \"NO_GO\"");

    taskService.setAssignee(decide.getId(), EXECUTIVE);
    taskService.complete(decide.getId(), decision(PilotProcess.GO, "Beats the incumbent on CSAT"));

    verify(pilots)
        .decide(PILOT, PilotProcess.GO, "Beats the incumbent on CSAT", EXECUTIVE, COMPARISON);
    assertThat(pilot)
        .isEnded()
        .hasPassedInOrder(
            Elements.TIMER_PILOT_ENDED,
            Elements.COMPUTE_SCORECARD,
            Elements.DECIDE_GO_NO_GO,
            Elements.RECORD_DECISION,
            Elements.GATEWAY_PILOT_SUCCESSFUL,
            Elements.END_EVENT_GO)
        .hasNotPassed(Elements.END_EVENT_NO_GO);
    assertThat(historicVariable(pilot, PilotProcess.PILOT_OUTCOME.name()))
        .isEqualTo(PilotProcess.GO);
  }

  @Test
  @DisplayName("the executive says no-go: the pilot ends failed")
  void noGoPath() {
    ProcessInstance pilot = startPilot();
    taskService.complete(task(Elements.PLAN_PILOT, pilot).getId(), plan(null));
    managementService.executeJob(timer(pilot).getId());
    managementService.executeJob(asyncJob(pilot).getId());

    taskService.complete(
        task(Elements.DECIDE_GO_NO_GO, pilot).getId(),
        decision(PilotProcess.NO_GO, "Abandon rate far above target"));

    assertThat(pilot)
        .isEnded()
        .hasPassed(Elements.GATEWAY_PILOT_SUCCESSFUL, Elements.END_EVENT_NO_GO)
        .hasNotPassed(Elements.END_EVENT_GO);
    assertThat(historicVariable(pilot, PilotProcess.PILOT_OUTCOME.name()))
        .isEqualTo(PilotProcess.NO_GO);
  }

  @Test
  @DisplayName("an invalid plan is refused with the service's 422; the RM's task stays, no timer")
  void invalidPlanIsRefused() {
    ProcessInstance pilot = startPilot();
    InvalidDataException invalid =
        new InvalidDataException(
            "The pilot plan has invalid data",
            List.of(FieldError.field("incumbentVendorCode", "no vendor has code 'NOPE'")));
    when(pilots.plan(eq(PILOT), any(), any())).thenThrow(invalid).thenReturn(ENDS_AT);
    String planId = task(Elements.PLAN_PILOT, pilot).getId();

    // a synchronous service task's exception reaches the caller unwrapped: the API maps it to 422
    assertThatThrownBy(() -> taskService.complete(planId, plan("NOPE"))).isSameAs(invalid);

    assertThat(pilot).isWaitingAtExactly(Elements.PLAN_PILOT);
    assertThat(task(Elements.PLAN_PILOT, pilot).getId()).isEqualTo(planId);
    assertThat(managementService.createJobQuery().processInstanceId(pilot.getId()).count())
        .isZero();

    taskService.complete(planId, plan(null));

    assertThat(pilot).isWaitingAtExactly(Elements.TIMER_PILOT_ENDED);
  }

  @Test
  @DisplayName("a failing scorecard computation is retried every 10 minutes")
  void failedScorecardIsRetried() {
    ProcessInstance pilot = startPilot();
    taskService.complete(task(Elements.PLAN_PILOT, pilot).getId(), plan(null));
    extension.setCurrentTime(Date.from(ENDS_AT));
    managementService.executeJob(timer(pilot).getId());
    when(pilots.score(PILOT))
        .thenThrow(new IllegalStateException("rollups locked"))
        .thenReturn(COMPARISON);
    String jobId = asyncJob(pilot).getId();

    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .hasMessageContaining("rollups locked");

    Job retried = asyncJob(pilot);
    assertThat(retried).hasRetries(2).hasDueDate(Date.from(ENDS_AT.plusSeconds(600)));
    assertThat(pilot).isWaitingAtExactly(Elements.COMPUTE_SCORECARD);

    managementService.executeJob(retried.getId());

    assertThat(pilot).isWaitingAtExactly(Elements.DECIDE_GO_NO_GO);
    verify(pilots, times(2)).score(PILOT);
  }

  @Test
  @DisplayName("called as a call activity: vendorId in, pilotOutcome and pilotId out")
  void callActivityContract() {
    VariableMap in = Variables.createVariables();
    PilotProcess.VENDOR_ID.on(in, VENDOR);
    ProcessInstance caller =
        runtimeService.startProcessInstanceByKey("PilotCallerStub", VENDOR, in);
    ProcessInstance pilot =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(PilotProcess.PROCESS_KEY)
            .superProcessInstanceId(caller.getId())
            .singleResult();
    assertThat(pilot).hasBusinessKey(VENDOR).isWaitingAt(Elements.PLAN_PILOT);

    taskService.complete(task(Elements.PLAN_PILOT, pilot).getId(), plan(null));
    managementService.executeJob(timer(pilot).getId());
    managementService.executeJob(asyncJob(pilot).getId());
    taskService.complete(
        task(Elements.DECIDE_GO_NO_GO, pilot).getId(), decision(PilotProcess.GO, "Good"));

    assertThat(pilot).isEnded();
    assertThat(caller).isWaitingAt("Task_AfterPilot");
    assertThat(caller)
        .variables()
        .containsEntry(PilotProcess.PILOT_OUTCOME.name(), PilotProcess.GO)
        .containsEntry(PilotProcess.PILOT_ID.name(), PILOT);
  }

  // --- helpers

  private ProcessInstance startPilot() {
    VariableMap variables = Variables.createVariables();
    PilotProcess.VENDOR_ID.on(variables, VENDOR);
    return runtimeService.startProcessInstanceByKey(PilotProcess.PROCESS_KEY, VENDOR, variables);
  }

  private static Map<String, Object> plan(String incumbent) {
    VariableMap variables = Variables.createVariables();
    PilotProcess.SCOPE.on(variables, "German e-mail and chat for DACH");
    PilotProcess.LIVE_VOLUME_SHARE_PERCENT.on(variables, 20L);
    PilotProcess.START_DATE.on(variables, "2030-03-02");
    PilotProcess.DURATION_DAYS.on(variables, 14L);
    PilotProcess.INCUMBENT_VENDOR_CODE.on(variables, incumbent);
    return variables;
  }

  private static Map<String, Object> decision(String decision, String reason) {
    VariableMap variables = Variables.createVariables();
    PilotProcess.DECISION.on(variables, decision);
    PilotProcess.DECISION_REASON.on(variables, reason);
    return variables;
  }

  private Job timer(ProcessInstance pilot) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(pilot.getId())
            .timers()
            .activityId(Elements.TIMER_PILOT_ENDED)
            .singleResult();
    assertThat(job).as("pilot timer").isNotNull();
    return job;
  }

  private Job asyncJob(ProcessInstance pilot) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(pilot.getId())
            .messages()
            .activityId(Elements.COMPUTE_SCORECARD)
            .singleResult();
    assertThat(job).as("async job of the scorecard computation").isNotNull();
    return job;
  }

  private String formKeyOf(Task task) {
    return ProcessTests.formKeyOf(extension.getProcessEngine(), task);
  }

  private String deployedFormOf(Task task) throws IOException {
    return ProcessTests.deployedFormOf(extension.getProcessEngine(), task);
  }

  private List<String> candidateGroupsOf(Task task) {
    return ProcessTests.candidateGroupsOf(extension.getProcessEngine(), task);
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return ProcessTests.historicVariable(extension.getProcessEngine(), instance, name);
  }
}
