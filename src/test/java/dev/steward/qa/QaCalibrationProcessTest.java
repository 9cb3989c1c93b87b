package dev.steward.qa;

import static dev.steward.qa.QaCalibrationProcess.CALIBRATION_AUDIT_ID;
import static dev.steward.qa.QaCalibrationProcess.CALIBRATION_AUDIT_IDS;
import static dev.steward.qa.QaCalibrationProcess.CALIBRATION_ID;
import static dev.steward.qa.QaCalibrationProcess.COMMENT;
import static dev.steward.qa.QaCalibrationProcess.INTERACTION_ID;
import static dev.steward.qa.QaCalibrationProcess.PROCESS_KEY;
import static dev.steward.qa.QaCalibrationProcess.RATINGS;
import static dev.steward.qa.QaCalibrationProcess.VENDOR_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;

import dev.steward.platform.FlowNodeCoverage;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.ProcessTests;
import dev.steward.qa.QaCalibrationProcess.Elements;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Incident;
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
 * Every path of {@code processes/qa-calibration.bpmn} on an in-memory engine with mocked delegates
 * and listeners: one audit task per analyst and interaction, assigned to its analyst, with form
 * variables local to the task; a refused completion leaves the task open; the report waits for
 * every audit, runs as its own job and retries when it fails. Flow-node coverage is checked after
 * all tests.
 */
@Deployment(resources = {"processes/qa-calibration.bpmn", "processes/qa-calibration-audit.form"})
class QaCalibrationProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @RegisterExtension
  @Order(2)
  static FlowNodeCoverage coverage =
      FlowNodeCoverage.of(
          PROCESS_KEY, "processes/qa-calibration.bpmn", extension::getProcessEngine);

  // bean names, as in the diagram's delegate expressions
  static final String PREPARE_DELEGATE = "prepareCalibrationAuditsDelegate";
  static final String COMPUTE_DELEGATE = "computeCalibrationReportDelegate";
  static final String OPEN_LISTENER = "openCalibrationAuditListener";
  static final String SUBMIT_LISTENER = "submitCalibrationAuditListener";

  static final String CALIBRATION = "calibration-7";
  static final String VENDOR = "vendor-acme";

  /** audit id → {analyst, interaction}, as the prepare step would store them. */
  static final Map<String, String[]> AUDITS = new LinkedHashMap<>();

  static {
    AUDITS.put("audit-ann-i1", new String[] {"ann", "i1"});
    AUDITS.put("audit-ann-i2", new String[] {"ann", "i2"});
    AUDITS.put("audit-ben-i1", new String[] {"ben", "i1"});
    AUDITS.put("audit-ben-i2", new String[] {"ben", "i2"});
  }

  private final Map<String, Integer> calls = new LinkedHashMap<>();
  private final List<String> submitted = new ArrayList<>();
  private boolean reportFails;

  private RuntimeService runtimeService;
  private TaskService taskService;
  private ManagementService managementService;

  @BeforeEach
  void setUp() {
    init(extension.getProcessEngine());
    runtimeService = extension.getRuntimeService();
    taskService = extension.getTaskService();
    managementService = extension.getManagementService();

    mockDelegate(
        PREPARE_DELEGATE,
        execution -> CALIBRATION_AUDIT_IDS.on(execution, List.copyOf(AUDITS.keySet())));
    mockDelegate(
        COMPUTE_DELEGATE,
        execution -> {
          if (reportFails) {
            throw new IllegalStateException("database unavailable");
          }
        });
    // as OpenCalibrationAuditListener: assign to the analyst, prepare local form variables
    Mocks.register(
        OPEN_LISTENER,
        (TaskListener)
            task -> {
              calls.merge(OPEN_LISTENER, 1, Integer::sum);
              String[] audit = AUDITS.get(CALIBRATION_AUDIT_ID.requiredFrom(task));
              task.setAssignee(audit[0]);
              DelegateExecution execution = task.getExecution();
              execution.setVariableLocal(INTERACTION_ID.name(), audit[1]);
              execution.setVariableLocal(RATINGS.name(), RATINGS.engineValue(ratings(null)));
              execution.setVariableLocal(COMMENT.name(), null);
            });
    // as SubmitCalibrationAuditListener (an end listener of each audit task): refuses a rating
    // outside 1..5
    Mocks.register(
        SUBMIT_LISTENER,
        (ExecutionListener)
            execution -> {
              calls.merge(SUBMIT_LISTENER, 1, Integer::sum);
              if (execution.isCanceled()) {
                return; // as the real listener: a cancelled audit is not scored
              }
              @SuppressWarnings("unchecked")
              List<Map<String, Object>> ratings =
                  (List<Map<String, Object>>) execution.getVariableLocal(RATINGS.name());
              Object rating = ratings.get(0).get("rating");
              if (!(rating instanceof Number n) || n.intValue() < 1 || n.intValue() > 5) {
                throw InvalidDataException.of("ratings[0].rating", "must be 1 to 5");
              }
              submitted.add(CALIBRATION_AUDIT_ID.requiredFrom(execution) + "=" + rating);
            });
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
      "each analyst gets one task per interaction; after the last audit the report is computed")
  void everyAnalystAuditsEveryInteractionThenTheReportIsComputed() throws IOException {
    ProcessInstance session = startSession();

    assertThat(session)
        .isStarted()
        .hasBusinessKey(CALIBRATION)
        .hasPassedInOrder(Elements.START_EVENT, Elements.PREPARE_AUDITS)
        .isWaitingAt(Elements.AUDIT_INTERACTION);
    assertThat(session)
        .variables()
        .containsEntry(CALIBRATION_AUDIT_IDS.name(), List.copyOf(AUDITS.keySet()));
    List<Task> tasks = openTasks(session);
    assertThat(tasks).hasSize(4);
    assertThat(tasks).extracting(Task::getAssignee).containsOnly("ann", "ben");
    assertThat(taskService.createTaskQuery().taskAssignee("ann").list()).hasSize(2);
    assertThat(taskService.createTaskQuery().taskAssignee("ben").list()).hasSize(2);
    for (Task task : tasks) {
      assertThat(taskService.getIdentityLinksForTask(task.getId()))
          .as("nobody but the assignee is offered the task")
          .allMatch(link -> "assignee".equals(link.getType()));
    }
    Task first = tasks.get(0);
    assertThat(formKeyOf(first)).isEqualTo(QaCalibrationProcess.AUDIT_FORM_ID);
    assertThat(deployedFormOf(first))
        .contains("\"path\": \"ratings\"", "\"key\": \"notApplicable\"", "\"key\": \"comment\"");

    for (Task task : tasks) {
      assertThat(session).isWaitingAt(Elements.AUDIT_INTERACTION);
      taskService.complete(task.getId(), submission(4, "fine"));
    }
    // asynchronous after each audit: the completions did not touch the multi-instance counters
    // (so analysts submitting at the same moment never collide); the continuation jobs do
    assertThat(openTasks(session)).isEmpty();
    assertThat(multiInstanceCounter(session, "nrOfCompletedInstances")).isEqualTo(0);
    assertThat(continuationJobs(session)).hasSize(4);
    continueAfterAudits(session);
    assertThat(continuationJobs(session)).isEmpty();

    assertThat(session)
        .hasPassed(Elements.AUDIT_INTERACTION)
        .isWaitingAt(Elements.COMPUTE_REPORT)
        .hasNotPassed(Elements.COMPUTE_REPORT);
    assertThat(calls).doesNotContainKey(COMPUTE_DELEGATE);
    managementService.executeJob(asyncJob(session, Elements.COMPUTE_REPORT).getId());

    assertThat(session)
        .isEnded()
        .hasPassedInOrder(
            Elements.START_EVENT,
            Elements.PREPARE_AUDITS,
            Elements.AUDIT_INTERACTION,
            Elements.COMPUTE_REPORT,
            Elements.END_EVENT);
    assertThat(submitted)
        .containsExactlyInAnyOrder(
            "audit-ann-i1=4", "audit-ann-i2=4", "audit-ben-i1=4", "audit-ben-i2=4");
    assertThat(calls)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(PREPARE_DELEGATE, 1, OPEN_LISTENER, 4, SUBMIT_LISTENER, 4, COMPUTE_DELEGATE, 1));
  }

  @Test
  @DisplayName("form variables stay local to each audit task: no analyst sees another's ratings")
  void eachAuditKeepsItsFormVariablesToItself() {
    ProcessInstance session = startSession();
    Task annI1 = taskOf(session, "audit-ann-i1");
    Task benI1 = taskOf(session, "audit-ben-i1");

    assertThat(taskService.getVariable(annI1.getId(), INTERACTION_ID.name())).isEqualTo("i1");
    assertThat(taskService.getVariable(benI1.getId(), CALIBRATION_AUDIT_ID.name()))
        .isEqualTo("audit-ben-i1");

    taskService.complete(annI1.getId(), submission(5, "ann's view"));

    assertThat(runtimeService.getVariable(session.getId(), RATINGS.name()))
        .as("nothing reaches the process instance")
        .isNull();
    assertThat(runtimeService.getVariable(session.getId(), COMMENT.name())).isNull();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> benRatings =
        (List<Map<String, Object>>) taskService.getVariable(benI1.getId(), RATINGS.name());
    assertThat(benRatings.get(0)).containsEntry("rating", null);
    assertThat(taskService.getVariable(benI1.getId(), COMMENT.name())).isNull();
    assertThat(submitted).containsExactly("audit-ann-i1=5");
    assertThat(session).isWaitingAt(Elements.AUDIT_INTERACTION);
    assertThat(openTasks(session)).hasSize(3);
  }

  @Test
  @DisplayName("an invalid rating refuses the completion: the task stays open and can be redone")
  void anInvalidRatingRefusesTheCompletion() {
    ProcessInstance session = startSession();
    Task task = taskOf(session, "audit-ben-i2");

    // the listener's exception reaches the caller as it is (a task listener's would be wrapped)
    assertThatThrownBy(() -> taskService.complete(task.getId(), submission(9, "too high")))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("The request has invalid data");

    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult())
        .as("still open")
        .isNotNull();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> kept =
        (List<Map<String, Object>>) taskService.getVariable(task.getId(), RATINGS.name());
    assertThat(kept.get(0)).as("the refused values were rolled back").containsEntry("rating", null);
    assertThat(submitted).isEmpty();

    taskService.complete(task.getId(), submission(2, "second look"));

    assertThat(submitted).containsExactly("audit-ben-i2=2");
    assertThat(openTasks(session)).hasSize(3);
  }

  @Test
  @DisplayName("a cancelled session ends its open audit tasks without scoring them")
  void aCancelledSessionEndsItsOpenAudits() {
    ProcessInstance session = startSession();
    taskService.complete(taskOf(session, "audit-ann-i1").getId(), submission(4, null));

    runtimeService.deleteProcessInstance(session.getId(), "cancelled by the QA lead");

    assertThat(session).isEnded().hasNotPassed(Elements.COMPUTE_REPORT);
    assertThat(taskService.createTaskQuery().processInstanceId(session.getId()).count()).isZero();
    assertThat(submitted).containsExactly("audit-ann-i1=4");
  }

  @Test
  @DisplayName(
      "a failing report is retried as a job, then becomes an incident; fixed, it completes")
  void aFailingReportIsRetriedAndThenAnIncident() {
    reportFails = true;
    ProcessInstance session = startSession();
    for (Task task : openTasks(session)) {
      taskService.complete(task.getId(), submission(3, null));
    }
    assertThat(submitted).hasSize(4);
    continueAfterAudits(session);

    Job job = asyncJob(session, Elements.COMPUTE_REPORT);
    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .hasMessageContaining("database unavailable");
    Job retried = asyncJob(session, Elements.COMPUTE_REPORT);
    assertThat(retried.getRetries()).as("R3/PT5M: two retries left").isEqualTo(2);
    assertThat(retried.getDuedate()).isNotNull();
    assertThat(retried.getExceptionMessage()).contains("database unavailable");
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(job.getId()))
          .hasMessageContaining("database unavailable");
    }
    Incident incident =
        runtimeService.createIncidentQuery().processInstanceId(session.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(Elements.COMPUTE_REPORT);
    assertThat(session).isWaitingAt(Elements.COMPUTE_REPORT);

    reportFails = false;
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());

    assertThat(session).isEnded().hasPassed(Elements.COMPUTE_REPORT, Elements.END_EVENT);
    assertThat(calls.get(COMPUTE_DELEGATE)).isEqualTo(4);
  }

  // --- helpers

  private void mockDelegate(String name, JavaDelegate behaviour) {
    Mocks.register(
        name,
        (JavaDelegate)
            execution -> {
              calls.merge(name, 1, Integer::sum);
              behaviour.execute(execution);
            });
  }

  private List<Job> continuationJobs(ProcessInstance session) {
    return managementService
        .createJobQuery()
        .processInstanceId(session.getId())
        .activityId(Elements.AUDIT_INTERACTION)
        .list();
  }

  /** Runs the asynchronous continuations after the completed audits, as the job executor would. */
  private void continueAfterAudits(ProcessInstance session) {
    for (Job job : continuationJobs(session)) {
      managementService.executeJob(job.getId());
    }
  }

  private Object multiInstanceCounter(ProcessInstance session, String name) {
    return runtimeService
        .createVariableInstanceQuery()
        .processInstanceIdIn(session.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  private ProcessInstance startSession() {
    VariableMap variables = Variables.createVariables();
    CALIBRATION_ID.on(variables, CALIBRATION);
    VENDOR_ID.on(variables, VENDOR);
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, CALIBRATION, variables);
  }

  /** One rating item per category, all rated {@code rating} (or unrated when null). */
  private static List<Map<String, Object>> ratings(Integer rating) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (String category : List.of("greeting", "tone")) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("category", category);
      item.put("name", category);
      item.put("rating", rating);
      item.put("notApplicable", false);
      items.add(item);
    }
    return items;
  }

  private static Map<String, Object> submission(int rating, String comment) {
    VariableMap variables = Variables.createVariables();
    RATINGS.on(variables, ratings(rating));
    COMMENT.on(variables, comment);
    return variables;
  }

  private List<Task> openTasks(ProcessInstance session) {
    return taskService
        .createTaskQuery()
        .processInstanceId(session.getId())
        .taskDefinitionKey(Elements.AUDIT_INTERACTION)
        .list();
  }

  private Task taskOf(ProcessInstance session, String auditId) {
    return openTasks(session).stream()
        .filter(
            t -> auditId.equals(taskService.getVariable(t.getId(), CALIBRATION_AUDIT_ID.name())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open task for " + auditId));
  }

  private Job asyncJob(ProcessInstance instance, String activityId) {
    return ProcessTests.asyncJob(extension.getProcessEngine(), instance, activityId);
  }

  private String formKeyOf(Task task) {
    return ProcessTests.formKeyOf(extension.getProcessEngine(), task);
  }

  private String deployedFormOf(Task task) throws IOException {
    return ProcessTests.deployedFormOf(extension.getProcessEngine(), task);
  }
}
