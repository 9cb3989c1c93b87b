package dev.steward.bulletin;

import static dev.steward.bulletin.BulletinProcess.ACKNOWLEDGED;
import static dev.steward.bulletin.BulletinProcess.ACKNOWLEDGED_BY;
import static dev.steward.bulletin.BulletinProcess.ACK_COMMENT;
import static dev.steward.bulletin.BulletinProcess.ACK_DUE_AT;
import static dev.steward.bulletin.BulletinProcess.BODY;
import static dev.steward.bulletin.BulletinProcess.BULLETIN_ID;
import static dev.steward.bulletin.BulletinProcess.EFFECTIVE_AT;
import static dev.steward.bulletin.BulletinProcess.KIND;
import static dev.steward.bulletin.BulletinProcess.PROCESS_KEY;
import static dev.steward.bulletin.BulletinProcess.REMINDER_CYCLE;
import static dev.steward.bulletin.BulletinProcess.TITLE;
import static dev.steward.bulletin.BulletinProcess.VENDOR_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dev.steward.bulletin.BulletinProcess.Elements;
import dev.steward.bulletin.BulletinProcess.Groups;
import dev.steward.platform.FlowNodeCoverage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
 * Every path of {@code processes/change-bulletin.bpmn} on an in-memory engine with mocked
 * delegates: acknowledged at once, reminded (twice) then acknowledged, and the deadline missed. The
 * job executor is off; timers and async jobs are executed explicitly.
 */
@Deployment(resources = {"processes/change-bulletin.bpmn", "processes/bulletin-acknowledge.form"})
class ChangeBulletinProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @RegisterExtension
  @Order(2)
  static FlowNodeCoverage coverage =
      FlowNodeCoverage.of(
          PROCESS_KEY, "processes/change-bulletin.bpmn", extension::getProcessEngine);

  static final String RECORD_ACKNOWLEDGMENT_DELEGATE = "recordAcknowledgmentDelegate";
  static final String SEND_REMINDER_DELEGATE = "sendAcknowledgmentReminderDelegate";
  static final String RECORD_MISSED_DELEGATE = "recordMissedAcknowledgmentDelegate";

  static final String BULLETIN = "bulletin-2030-07";
  static final String VENDOR = "vendor-acme-mnl";
  static final String LEAD = "lena.lead";
  static final Instant PUBLISHED_AT = Instant.parse("2030-07-01T08:00:00Z");
  static final Date DUE_AT = Date.from(PUBLISHED_AT.plus(Duration.ofDays(5)));

  private final Map<String, List<DelegateExecution>> calls = new java.util.LinkedHashMap<>();
  private RuntimeService runtimeService;
  private TaskService taskService;
  private ManagementService managementService;

  @BeforeEach
  void setUp() {
    init(extension.getProcessEngine());
    runtimeService = extension.getRuntimeService();
    taskService = extension.getTaskService();
    managementService = extension.getManagementService();
    extension.setCurrentTime(Date.from(PUBLISHED_AT));
    for (String name :
        List.of(RECORD_ACKNOWLEDGMENT_DELEGATE, SEND_REMINDER_DELEGATE, RECORD_MISSED_DELEGATE)) {
      calls.put(name, new ArrayList<>());
      Mocks.register(name, (JavaDelegate) execution -> calls.get(name).add(execution));
    }
    Mocks.register(
        "rememberAcknowledgerListener",
        (TaskListener) task -> ACKNOWLEDGED_BY.on(task.getExecution(), task.getAssignee()));
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
  @DisplayName("the vendor's lead acknowledges: recorded with who, timers cancelled")
  void acknowledged() {
    ProcessInstance instance = publish();

    assertThat(instance).isWaitingAtExactly(Elements.ACKNOWLEDGE);
    assertThat(instance.getBusinessKey()).isEqualTo(BULLETIN + ":" + VENDOR);
    Task task = task(Elements.ACKNOWLEDGE, instance);
    assertThat(task).hasCandidateGroup(Groups.BPO_LEADS).isNotAssigned();
    assertThat(task.getDueDate()).isEqualTo(DUE_AT);
    assertThat(timer(instance, Elements.TIMER_REMINDER)).isNotNull();
    assertThat(timer(instance, Elements.TIMER_DEADLINE).getDuedate()).isEqualTo(DUE_AT);

    taskService.setAssignee(task.getId(), LEAD);
    taskService.complete(
        task.getId(),
        Variables.createVariables()
            .putValue(ACKNOWLEDGED.name(), true)
            .putValue(ACK_COMMENT.name(), "Team briefed"));

    assertThat(instance)
        .isEnded()
        .hasPassed(Elements.RECORD_ACKNOWLEDGMENT, Elements.END_EVENT_ACKNOWLEDGED)
        .hasNotPassed(Elements.SEND_REMINDER, Elements.RECORD_MISSED);
    assertThat(calls.get(RECORD_ACKNOWLEDGMENT_DELEGATE)).hasSize(1);
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count())
        .as("no timer left")
        .isZero();
    assertThat(instance).variables().containsEntry(ACKNOWLEDGED_BY.name(), LEAD);
  }

  @Test
  @DisplayName("reminders fire on the cycle while the task stays open, then the lead acknowledges")
  void remindedThenAcknowledged() {
    ProcessInstance instance = publish();

    Job reminder = timer(instance, Elements.TIMER_REMINDER);
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(PUBLISHED_AT.plus(Duration.ofDays(1))));
    extension.setCurrentTime(Date.from(PUBLISHED_AT.plus(Duration.ofDays(1))));
    managementService.executeJob(reminder.getId());

    assertThat(instance)
        .as("non-interrupting: the task stays open")
        .isWaitingAt(Elements.ACKNOWLEDGE, Elements.SEND_REMINDER);
    Job sendJob = asyncJob(instance, Elements.SEND_REMINDER);
    managementService.executeJob(sendJob.getId());
    assertThat(calls.get(SEND_REMINDER_DELEGATE)).hasSize(1);
    assertThat(instance).isWaitingAtExactly(Elements.ACKNOWLEDGE);

    // the cycle goes on: a second reminder, on its own execution
    Job second = timer(instance, Elements.TIMER_REMINDER);
    assertThat(second.getDuedate()).isEqualTo(Date.from(PUBLISHED_AT.plus(Duration.ofDays(2))));
    managementService.executeJob(second.getId());
    managementService.executeJob(asyncJob(instance, Elements.SEND_REMINDER).getId());
    assertThat(calls.get(SEND_REMINDER_DELEGATE)).hasSize(2);
    assertThat(calls.get(SEND_REMINDER_DELEGATE).get(0).getId())
        .as("each reminder is keyed by its own execution")
        .isNotEqualTo(calls.get(SEND_REMINDER_DELEGATE).get(1).getId());
    assertThat(instance).hasPassed(Elements.END_EVENT_REMINDER_SENT);

    Task task = task(Elements.ACKNOWLEDGE, instance);
    taskService.setAssignee(task.getId(), LEAD);
    taskService.complete(task.getId(), Variables.createVariables().putValue("acknowledged", true));

    assertThat(instance)
        .isEnded()
        .hasPassed(Elements.END_EVENT_ACKNOWLEDGED)
        .hasNotPassed(Elements.RECORD_MISSED);
    assertThat(calls.get(RECORD_ACKNOWLEDGMENT_DELEGATE)).hasSize(1);
  }

  @Test
  @DisplayName("the deadline passes without an acknowledgment: recorded as missed")
  void deadlineMissed() {
    ProcessInstance instance = publish();

    managementService.executeJob(timer(instance, Elements.TIMER_DEADLINE).getId());

    assertThat(instance).isWaitingAtExactly(Elements.RECORD_MISSED);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count())
        .as("the acknowledgment task is cancelled")
        .isZero();
    managementService.executeJob(asyncJob(instance, Elements.RECORD_MISSED).getId());

    assertThat(instance)
        .isEnded()
        .hasPassed(Elements.END_EVENT_MISSED)
        .hasNotPassed(Elements.RECORD_ACKNOWLEDGMENT);
    assertThat(calls.get(RECORD_MISSED_DELEGATE)).hasSize(1);
    assertThat(calls.get(RECORD_ACKNOWLEDGMENT_DELEGATE)).isEmpty();
  }

  private ProcessInstance publish() {
    VariableMap variables = Variables.createVariables();
    BULLETIN_ID.on(variables, BULLETIN);
    VENDOR_ID.on(variables, VENDOR);
    TITLE.on(variables, "New returns policy");
    KIND.on(variables, BulletinKind.POLICY.name());
    BODY.on(variables, "Returns are accepted within 60 days.");
    EFFECTIVE_AT.on(variables, "2030-07-15T00:00:00Z");
    ACK_DUE_AT.on(variables, DUE_AT);
    REMINDER_CYCLE.on(variables, BulletinKind.POLICY.reminderCycle());
    return runtimeService.startProcessInstanceByKey(
        PROCESS_KEY, BulletinProcess.businessKey(BULLETIN, VENDOR), variables);
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return managementService
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .activityId(activityId)
        .singleResult();
  }

  private Job asyncJob(ProcessInstance instance, String activityId) {
    return managementService
        .createJobQuery()
        .processInstanceId(instance.getId())
        .messages()
        .activityId(activityId)
        .singleResult();
  }
}
