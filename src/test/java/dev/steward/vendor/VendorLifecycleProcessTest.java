package dev.steward.vendor;

import static dev.steward.vendor.VendorLifecycleProcess.APPROVED_AGENTS;
import static dev.steward.vendor.VendorLifecycleProcess.ENTRY_PHASE;
import static dev.steward.vendor.VendorLifecycleProcess.MSG_NOT_SELECTED;
import static dev.steward.vendor.VendorLifecycleProcess.MSG_OFFBOARDED;
import static dev.steward.vendor.VendorLifecycleProcess.MSG_SELECTED_FOR_PILOT;
import static dev.steward.vendor.VendorLifecycleProcess.PILOT_OUTCOME;
import static dev.steward.vendor.VendorLifecycleProcess.PROCESS_KEY;
import static dev.steward.vendor.VendorLifecycleProcess.QA_CYCLE_SCHEDULE;
import static dev.steward.vendor.VendorLifecycleProcess.RELATIONSHIP_MANAGER;
import static dev.steward.vendor.VendorLifecycleProcess.SELECTION_REASON;
import static dev.steward.vendor.VendorLifecycleProcess.SYNC_CADENCE;
import static dev.steward.vendor.VendorLifecycleProcess.SYNC_SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;

import dev.steward.platform.FlowNodeCoverage;
import dev.steward.platform.ProcessConventions;
import dev.steward.vendor.VendorLifecycleProcess.Called;
import dev.steward.vendor.VendorLifecycleProcess.Elements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code processes/vendor-lifecycle.bpmn} on an in-memory engine. The called
 * processes (pilot, onboarding, training, QA cycle) are stand-ins with one user task each, deployed
 * by the test, so only the lifecycle's own routing is under test; the phase delegate is a mock that
 * records the phases it is asked to enter.
 */
@Deployment(
    resources = {
      "processes/vendor-lifecycle.bpmn",
      "processes/vendor-sync-prepare.form",
      "processes/vendor-sync-hold.form"
    })
class VendorLifecycleProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @RegisterExtension
  @Order(2)
  static FlowNodeCoverage coverage =
      FlowNodeCoverage.of(
          PROCESS_KEY, "processes/vendor-lifecycle.bpmn", extension::getProcessEngine);

  static final String VENDOR = "vendor-cedar-bog";
  static final String STAND_IN_TASK = "Task_StandIn";
  static final String QA_SCHEDULE = "R/2030-01-01T02:00:00Z/P1M";
  static final String SYNC_SCHEDULE_VALUE = "R/2030-01-02T09:00:00Z/P7D";
  static final String QBR_SCHEDULE = "R/2030-04-01T03:00:00Z/P3M";

  private final List<String> phases = new ArrayList<>();
  private RuntimeService runtimeService;
  private TaskService taskService;
  private ManagementService managementService;
  private String standInDeployment;

  @BeforeEach
  void setUp() {
    init(extension.getProcessEngine());
    runtimeService = extension.getRuntimeService();
    taskService = extension.getTaskService();
    managementService = extension.getManagementService();
    Mocks.register(
        "recordLifecyclePhaseDelegate",
        (JavaDelegate)
            execution -> phases.add(VendorLifecycleProcess.PHASE.requiredFrom(execution)));
    Mocks.register(
        "scheduleOperatingRhythmDelegate",
        (JavaDelegate)
            execution -> {
              QA_CYCLE_SCHEDULE.on(execution, QA_SCHEDULE);
              VendorLifecycleProcess.QBR_SCHEDULE.on(execution, QBR_SCHEDULE);
              SYNC_SCHEDULE.on(execution, SYNC_SCHEDULE_VALUE);
              RELATIONSHIP_MANAGER.on(execution, "rita.rm");
            });
    var deployment = extension.getRepositoryService().createDeployment();
    for (String key :
        List.of(
            Called.PILOT,
            Called.ONBOARDING,
            Called.TRAINING,
            Called.QA_CYCLE,
            Called.QUARTERLY_REVIEW)) {
      deployment.addModelInstance(key + ".bpmn", standIn(key));
    }
    standInDeployment = deployment.deploy().getId();
  }

  @AfterEach
  void tearDown() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    extension.getRepositoryService().deleteDeployment(standInDeployment, true);
    Mocks.reset();
    reset();
  }

  @AfterAll
  static void flowNodeCoverageIsAtLeastNinetyPercent() {
    System.out.println(coverage.report());
    assertThat(coverage.ratio()).as(coverage.report()).isGreaterThanOrEqualTo(0.90);
  }

  static BpmnModelInstance standIn(String key) {
    return Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask(STAND_IN_TASK)
        .endEvent()
        .done();
  }

  @Test
  @DisplayName("a candidate not selected by the evaluation round ends rejected")
  void candidateNotSelected() {
    ProcessInstance lifecycle = register("EVALUATION");
    assertThat(lifecycle).hasBusinessKey(VENDOR).isWaitingAt(Elements.GATEWAY_AWAIT_SELECTION);

    runtimeService
        .createMessageCorrelation(MSG_NOT_SELECTED)
        .processInstanceBusinessKey(VENDOR)
        .setVariable(SELECTION_REASON.name(), "Bid 40 % above the others")
        .correlate();
    runJobs();

    assertThat(lifecycle)
        .hasPassedInOrder(Elements.EVENT_NOT_SELECTED, Elements.RECORD_NOT_SELECTED)
        .isEnded();
    assertThat(lifecycle).hasPassed(Elements.END_EVENT_NOT_SELECTED);
    assertThat(phases).containsExactly("REJECTED");
  }

  @Test
  @DisplayName("a selected candidate runs a pilot; a no-go ends it rejected")
  void selectedThenNoGo() {
    ProcessInstance lifecycle = register("EVALUATION");
    runtimeService
        .createMessageCorrelation(MSG_SELECTED_FOR_PILOT)
        .processInstanceBusinessKey(VENDOR)
        .correlate();
    runJobs();
    assertThat(lifecycle).isWaitingAt(Elements.PILOT);
    ProcessInstance pilot = called(lifecycle, Called.PILOT);
    assertThat(pilot).hasBusinessKey(VENDOR);
    assertThat(runtimeService.getVariable(pilot.getId(), "vendorId")).isEqualTo(VENDOR);

    finish(pilot, Map.of(PILOT_OUTCOME.name(), "NO_GO"));
    runJobs();

    assertThat(lifecycle)
        .hasPassedInOrder(
            Elements.EVENT_SELECTED_FOR_PILOT,
            Elements.ENTER_PILOT_PHASE,
            Elements.PILOT,
            Elements.GATEWAY_PILOT_SUCCESSFUL,
            Elements.RECORD_PILOT_REJECTED,
            Elements.END_EVENT_PILOT_REJECTED)
        .isEnded();
    assertThat(phases).containsExactly("PILOT", "REJECTED");
  }

  @Test
  @DisplayName(
      "a successful pilot leads through onboarding and training into operating, with QA cycles and"
          + " syncs on their timers, until offboarding")
  void fromPilotToOffboarded() {
    ProcessInstance lifecycle = register("PILOT");
    runJobs();
    finish(called(lifecycle, Called.PILOT), Map.of(PILOT_OUTCOME.name(), "GO"));
    runJobs();

    assertThat(lifecycle).isWaitingAt(Elements.ONBOARDING);
    ProcessInstance onboarding = called(lifecycle, Called.ONBOARDING);
    assertThat(onboarding).hasBusinessKey(VENDOR);
    VariableMap outputs = Variables.createVariables();
    SYNC_CADENCE.on(outputs, "BIWEEKLY");
    APPROVED_AGENTS.on(outputs, List.of("agent-01", "agent-02"));
    finish(onboarding, outputs);
    runJobs();

    assertThat(lifecycle).isWaitingAt(Elements.TRAINING);
    ProcessInstance training = called(lifecycle, Called.TRAINING);
    assertThat(runtimeService.getVariable(training.getId(), "agents"))
        .as("the approved agents form the first cohort")
        .isEqualTo(List.of("agent-01", "agent-02"));
    assertThat(runtimeService.getVariable(training.getId(), "vendorId")).isEqualTo(VENDOR);
    finish(training, Map.of());
    runJobs();

    assertThat(lifecycle)
        .hasPassedInOrder(
            Elements.ENTER_ONBOARDING_PHASE,
            Elements.ONBOARDING,
            Elements.ENTER_TRAINING_PHASE,
            Elements.TRAINING,
            Elements.ENTER_OPERATING_PHASE,
            Elements.SCHEDULE_OPERATING_RHYTHM)
        .isWaitingAt(Elements.AWAIT_OFFBOARDING);
    assertThat(phases).containsExactly("PILOT", "ONBOARDING", "TRAINING", "OPERATING");
    assertThat(runtimeService.getVariable(lifecycle.getId(), SYNC_CADENCE.name()))
        .isEqualTo("BIWEEKLY");

    // the monthly QA cycle fires: a QA cycle runs for the vendor, and the timer stays for next
    // month
    Job qaTimer = timer(lifecycle, Elements.QA_CYCLE_DUE);
    assertThat(qaTimer.getDuedate()).isEqualTo("2030-01-01T02:00:00Z");
    extension.setCurrentTime(qaTimer.getDuedate());
    managementService.executeJob(qaTimer.getId());
    ProcessInstance qaCycle = called(lifecycle, Called.QA_CYCLE);
    assertThat(runtimeService.getVariable(qaCycle.getId(), "vendorId")).isEqualTo(VENDOR);
    assertThat(timer(lifecycle, Elements.QA_CYCLE_DUE).getDuedate())
        .as("next month's QA cycle is scheduled")
        .isEqualTo("2030-02-01T02:00:00Z");
    finish(qaCycle, Map.of());

    // the sync meeting fires: the vendor's lead prepares, the RM holds it
    Job syncTimer = timer(lifecycle, Elements.VENDOR_SYNC_DUE);
    assertThat(syncTimer.getDuedate()).isEqualTo("2030-01-02T09:00:00Z");
    extension.setCurrentTime(syncTimer.getDuedate());
    managementService.executeJob(syncTimer.getId());
    assertThat(timer(lifecycle, Elements.VENDOR_SYNC_DUE).getDuedate())
        .as("the next sync a week later")
        .isEqualTo("2030-01-09T09:00:00Z");
    Task prepare = task(lifecycle, Elements.PREPARE_VENDOR_SYNC);
    assertThat(
            taskService.getIdentityLinksForTask(prepare.getId()).stream()
                .map(l -> l.getGroupId())
                .toList())
        .containsExactly("bpo-leads");
    taskService.complete(prepare.getId(), Map.of("highlights", "FCR up 4 points"));
    Task hold = task(lifecycle, Elements.HOLD_VENDOR_SYNC);
    assertThat(hold.getAssignee()).isEqualTo("rita.rm");
    taskService.complete(hold.getId(), Map.of("meetingNotes", "Agreed on the Q1 staffing plan"));
    assertThat(lifecycle).isWaitingAt(Elements.AWAIT_OFFBOARDING);

    // the quarterly review fires: a review runs for the vendor
    Job qbrTimer = timer(lifecycle, Elements.QUARTERLY_REVIEW_DUE);
    assertThat(qbrTimer.getDuedate()).isEqualTo("2030-04-01T03:00:00Z");
    extension.setCurrentTime(qbrTimer.getDuedate());
    managementService.executeJob(qbrTimer.getId());
    ProcessInstance review = called(lifecycle, Called.QUARTERLY_REVIEW);
    assertThat(runtimeService.getVariable(review.getId(), "vendorId")).isEqualTo(VENDOR);
    finish(review, Map.of());

    // two executives approved a transition: the vendor enters the transition phase
    runtimeService
        .createMessageCorrelation(VendorLifecycleProcess.MSG_TRANSITION_APPROVED)
        .processInstanceBusinessKey(VENDOR)
        .correlate();
    runJobs();
    assertThat(lifecycle)
        .hasPassedInOrder(Elements.TRANSITION_APPROVED, Elements.ENTER_TRANSITION_PHASE)
        .isWaitingAt(Elements.AWAIT_OFFBOARDING);
    assertThat(phases).endsWith("OPERATING", "TRANSITION");

    runtimeService
        .createMessageCorrelation(MSG_OFFBOARDED)
        .processInstanceBusinessKey(VENDOR)
        .correlate();
    runJobs();
    assertThat(lifecycle)
        .hasPassedInOrder(
            Elements.AWAIT_OFFBOARDING,
            Elements.ENTER_OFFBOARDED_PHASE,
            Elements.END_EVENT_OFFBOARDED)
        .isEnded();
    assertThat(phases).endsWith("TRANSITION", "OFFBOARDED");
  }

  @Test
  @DisplayName("a vendor brought in mid-life enters at its current phase")
  void entersAtItsCurrentPhase() {
    ProcessInstance onboarding = register("ONBOARDING");
    runJobs();
    assertThat(onboarding).isWaitingAt(Elements.ONBOARDING);

    ProcessInstance training = register("TRAINING", "vendor-2");
    runJobs();
    assertThat(training).isWaitingAt(Elements.TRAINING);
    assertThat(runtimeService.getVariable(called(training, Called.TRAINING).getId(), "agents"))
        .as("no onboarding, no approved agents: an empty cohort")
        .isNull();

    ProcessInstance operating = register("OPERATING", "vendor-3");
    runJobs();
    assertThat(operating)
        .hasNotPassed(Elements.ONBOARDING, Elements.TRAINING)
        .isWaitingAt(Elements.AWAIT_OFFBOARDING);
    assertThat(phases).containsExactly("ONBOARDING", "TRAINING", "OPERATING");
  }

  private ProcessInstance register(String phase) {
    return register(phase, VENDOR);
  }

  private ProcessInstance register(String phase, String vendorId) {
    VariableMap variables = Variables.createVariables();
    ProcessConventions.VENDOR_ID.on(variables, vendorId);
    ENTRY_PHASE.on(variables, phase);
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, vendorId, variables);
  }

  private ProcessInstance called(ProcessInstance parent, String key) {
    ProcessInstance child =
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(parent.getId())
            .processDefinitionKey(key)
            .singleResult();
    assertThat(child).as("called process " + key).isNotNull();
    return child;
  }

  private void finish(ProcessInstance standIn, Map<String, Object> variables) {
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceId(standIn.getId())
            .taskDefinitionKey(STAND_IN_TASK)
            .singleResult();
    taskService.complete(task.getId(), variables);
  }

  private Task task(ProcessInstance instance, String taskKey) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return managementService
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .activityId(activityId)
        .singleResult();
  }

  /** Runs the async continuations (not the timers) until none is left. */
  private void runJobs() {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = managementService.createJobQuery().messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("async jobs keep coming");
  }
}
