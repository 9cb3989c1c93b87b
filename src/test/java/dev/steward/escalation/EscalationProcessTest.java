package dev.steward.escalation;

import static dev.steward.escalation.EscalationProcess.DECISION;
import static dev.steward.escalation.EscalationProcess.DECISION_ACCEPTED;
import static dev.steward.escalation.EscalationProcess.DECISION_REJECTED;
import static dev.steward.escalation.EscalationProcess.ESCALATION_ID;
import static dev.steward.escalation.EscalationProcess.FEEDBACK;
import static dev.steward.escalation.EscalationProcess.FILED_BY;
import static dev.steward.escalation.EscalationProcess.LAST_COMPLETED_BY;
import static dev.steward.escalation.EscalationProcess.PROCESS_KEY;
import static dev.steward.escalation.EscalationProcess.RELATIONSHIP_MANAGER;
import static dev.steward.escalation.EscalationProcess.RESOLUTION;
import static dev.steward.escalation.EscalationProcess.RESOLUTION_DUE_AT;
import static dev.steward.escalation.EscalationProcess.RESPONSE;
import static dev.steward.escalation.EscalationProcess.RESPONSE_DUE_AT;
import static dev.steward.escalation.EscalationProcess.RESPONSE_REMINDER_AT;
import static dev.steward.escalation.EscalationProcess.ROOT_CAUSE;
import static dev.steward.escalation.EscalationProcess.ROOT_CAUSE_DETAIL;
import static dev.steward.escalation.EscalationProcess.SEVERITY;
import static dev.steward.escalation.EscalationProcess.SLA_DECISION_KEY;
import static dev.steward.escalation.EscalationProcess.VENDOR_ID;
import static dev.steward.escalation.EscalationProcess.WITHIN_BUSINESS_HOURS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dev.steward.escalation.EscalationProcess.Elements;
import dev.steward.escalation.EscalationProcess.Groups;
import dev.steward.platform.FlowNodeCoverage;
import dev.steward.platform.ProcessTests;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
 * Every path of {@code processes/escalation.bpmn} on an in-memory engine with mocked delegates:
 * routing by business hours, the reminder and the response-SLA breach on triage, the resolution-SLA
 * breach, reopening, and the expiry of the filer's confirmation. The job executor is off; timers
 * and async jobs are executed explicitly. Flow-node coverage is checked after all tests.
 */
@Deployment(
    resources = {
      "processes/escalation.bpmn",
      "processes/escalation-sla.dmn",
      "processes/escalation-triage.form",
      "processes/escalation-resolve.form",
      "processes/escalation-confirm.form"
    })
class EscalationProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  /**
   * Registered after the engine extension, so it reads history before the test's deployment is
   * deleted.
   */
  @RegisterExtension
  @Order(2)
  static FlowNodeCoverage coverage =
      FlowNodeCoverage.of(PROCESS_KEY, "processes/escalation.bpmn", extension::getProcessEngine);

  // delegate bean names, as in the diagram's delegate expressions
  static final String DETERMINE_SLA_DELEGATE = "determineEscalationSlaDelegate";
  static final String CHECK_BUSINESS_HOURS_DELEGATE = "checkBusinessHoursDelegate";
  static final String SEND_REMINDER_DELEGATE = "sendResponseReminderDelegate";
  static final String RECORD_RESPONSE_BREACH_DELEGATE = "recordResponseBreachDelegate";
  static final String RECORD_FIRST_RESPONSE_DELEGATE = "recordFirstResponseDelegate";
  static final String RECORD_RESOLUTION_BREACH_DELEGATE = "recordResolutionBreachDelegate";
  static final String RECORD_RESOLUTION_DELEGATE = "recordResolutionDelegate";
  static final String REOPEN_DELEGATE = "reopenEscalationDelegate";
  static final String CLOSE_DELEGATE = "closeEscalationDelegate";
  static final List<String> ALL_DELEGATES =
      List.of(
          DETERMINE_SLA_DELEGATE,
          CHECK_BUSINESS_HOURS_DELEGATE,
          SEND_REMINDER_DELEGATE,
          RECORD_RESPONSE_BREACH_DELEGATE,
          RECORD_FIRST_RESPONSE_DELEGATE,
          RECORD_RESOLUTION_BREACH_DELEGATE,
          RECORD_RESOLUTION_DELEGATE,
          REOPEN_DELEGATE,
          CLOSE_DELEGATE);

  // diagram elements that the application never refers to, so EscalationProcess.Elements does not
  // name them
  static final String TRIAGE_STARTED = "StartEvent_TriageStarted";
  static final String GATEWAY_TRIAGE_COMPLETED = "Gateway_TriageCompleted";
  static final String TRIAGE_ENDED = "EndEvent_TriageCompleted";
  static final String END_EVENT_REMINDER_SENT = "EndEvent_ReminderSent";
  static final String GATEWAY_RESPONDED = "Gateway_Responded";
  static final String GATEWAY_RESOLUTION_NEEDED = "Gateway_ResolutionNeeded";
  static final String END_EVENT_RESOLUTION_BREACH_RECORDED = "EndEvent_ResolutionBreachRecorded";
  static final String GATEWAY_READY_TO_CLOSE = "Gateway_ReadyToClose";

  static final String ESCALATION = "ESC-2030-0042";
  static final String VENDOR = "vendor-northwind-bpo";
  static final String RM = "rita.rm";
  static final String FILER = "leo.bpolead";

  /** The engine clock stands still at the filing time; the SLA dates are fixed points after it. */
  static final Instant FILED_AT = Instant.parse("2030-06-03T08:00:00Z");

  static final Date REMINDER_AT = Date.from(FILED_AT.plus(Duration.ofMinutes(45)));
  static final Date RESPONSE_DUE = Date.from(FILED_AT.plus(Duration.ofHours(1)));
  static final Date RESOLUTION_DUE = Date.from(FILED_AT.plus(Duration.ofHours(8)));

  private final Map<String, Integer> delegateCalls = new LinkedHashMap<>();
  private boolean withinBusinessHours = true;
  private boolean reminderFails = false;

  private RuntimeService runtimeService;
  private TaskService taskService;
  private ManagementService managementService;

  @BeforeEach
  void setUp() {
    init(extension.getProcessEngine());
    runtimeService = extension.getRuntimeService();
    taskService = extension.getTaskService();
    managementService = extension.getManagementService();
    extension.setCurrentTime(Date.from(FILED_AT));

    mockDelegate(
        DETERMINE_SLA_DELEGATE,
        execution -> {
          RESPONSE_REMINDER_AT.on(execution, REMINDER_AT);
          RESPONSE_DUE_AT.on(execution, RESPONSE_DUE);
          RESOLUTION_DUE_AT.on(execution, RESOLUTION_DUE);
        });
    mockDelegate(
        CHECK_BUSINESS_HOURS_DELEGATE,
        execution -> WITHIN_BUSINESS_HOURS.on(execution, withinBusinessHours));
    mockDelegate(
        SEND_REMINDER_DELEGATE,
        execution -> {
          if (reminderFails) {
            throw new IllegalStateException("mail server unavailable");
          }
        });
    Mocks.register(
        "rememberCompleterListener",
        (TaskListener) task -> LAST_COMPLETED_BY.on(task.getExecution(), task.getAssignee()));
    for (String name :
        List.of(
            RECORD_RESPONSE_BREACH_DELEGATE,
            RECORD_FIRST_RESPONSE_DELEGATE,
            RECORD_RESOLUTION_BREACH_DELEGATE,
            RECORD_RESOLUTION_DELEGATE,
            REOPEN_DELEGATE,
            CLOSE_DELEGATE)) {
      mockDelegate(name, execution -> {});
    }
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
      "during business hours the RM triages and resolves, the filer accepts, the escalation is closed")
  void happyPathDuringBusinessHours() throws IOException {
    ProcessInstance escalation = fileEscalation("P1", RM);

    assertThat(escalation)
        .isStarted()
        .hasBusinessKey(ESCALATION)
        .hasPassedInOrder(
            Elements.START_EVENT,
            Elements.DETERMINE_SLA,
            Elements.CHECK_BUSINESS_HOURS,
            TRIAGE_STARTED,
            Elements.GATEWAY_WITHIN_BUSINESS_HOURS)
        .isWaitingAtExactly(Elements.TRIAGE_SUBPROCESS, Elements.TRIAGE);
    assertThat(escalation)
        .variables()
        .containsEntry(RESPONSE_REMINDER_AT.name(), REMINDER_AT)
        .containsEntry(RESPONSE_DUE_AT.name(), RESPONSE_DUE)
        .containsEntry(RESOLUTION_DUE_AT.name(), RESOLUTION_DUE)
        .containsEntry(WITHIN_BUSINESS_HOURS.name(), true);

    Task triage = task(Elements.TRIAGE, escalation);
    assertThat(triage)
        .isAssignedTo(RM)
        .hasCandidateGroupAssociated(Groups.RELATIONSHIP_MANAGERS)
        .hasDueDate(RESPONSE_DUE);
    assertThat(formKeyOf(triage)).isEqualTo("Form_TriageEscalation");
    assertThat(deployedFormOf(triage))
        .contains("\"id\": \"Form_TriageEscalation\"", "\"key\": \"response\"");
    assertThat(timer(escalation, Elements.TIMER_REMINDER)).hasDueDate(REMINDER_AT);
    assertThat(timer(escalation, Elements.TIMER_RESPONSE_BREACHED)).hasDueDate(RESPONSE_DUE);

    complete(triage, respond("We are looking at the refund backlog and call you back by noon."));

    assertThat(escalation)
        .hasPassed(Elements.TRIAGE_SUBPROCESS)
        .hasPassedInOrder(
            Elements.TRIAGE,
            GATEWAY_TRIAGE_COMPLETED,
            TRIAGE_ENDED,
            GATEWAY_RESPONDED,
            Elements.RECORD_FIRST_RESPONSE,
            GATEWAY_RESOLUTION_NEEDED)
        .isWaitingAtExactly(Elements.RESOLVE);
    assertThat(timerCount(escalation, Elements.TIMER_REMINDER))
        .as("reminder cancelled with the triage")
        .isZero();
    assertThat(timerCount(escalation, Elements.TIMER_RESPONSE_BREACHED))
        .as("breach timer cancelled")
        .isZero();
    assertThat(timer(escalation, Elements.TIMER_RESOLUTION_BREACHED)).hasDueDate(RESOLUTION_DUE);
    assertThat(escalation)
        .variables()
        .as("who answered, for the response record")
        .containsEntry(LAST_COMPLETED_BY.name(), RM);

    Task resolve = task(Elements.RESOLVE, escalation);
    assertThat(resolve)
        .isAssignedTo(RM)
        .hasCandidateGroupAssociated(Groups.RELATIONSHIP_MANAGERS)
        .hasDueDate(RESOLUTION_DUE);
    assertThat(formKeyOf(resolve)).isEqualTo("Form_ResolveEscalation");
    assertThat(deployedFormOf(resolve)).contains("\"key\": \"rootCause\"");

    complete(
        resolve,
        resolve(
            "Retrained the refund queue on the new policy.", "TRAINING_GAP", "refund policy v3"));

    assertThat(escalation)
        .hasPassedInOrder(Elements.RESOLVE, Elements.RECORD_RESOLUTION)
        .isWaitingAtExactly(Elements.CONFIRM_RESOLUTION);
    assertThat(timerCount(escalation, Elements.TIMER_RESOLUTION_BREACHED)).isZero();
    assertThat(timer(escalation, Elements.TIMER_CONFIRMATION_EXPIRED))
        .hasDueDate(Date.from(FILED_AT.plus(Duration.ofDays(5))));
    Task confirm = task(Elements.CONFIRM_RESOLUTION, escalation);
    assertThat(confirm).isAssignedTo(FILER);
    assertThat(formKeyOf(confirm)).isEqualTo("Form_ConfirmResolution");
    assertThat(deployedFormOf(confirm)).contains("\"key\": \"decision\"");

    complete(confirm, confirm(DECISION_ACCEPTED, "Thanks, the queue is back to normal."));

    assertThat(escalation)
        .isEnded()
        .hasPassedInOrder(
            Elements.CONFIRM_RESOLUTION,
            Elements.GATEWAY_RESOLUTION_ACCEPTED,
            GATEWAY_READY_TO_CLOSE,
            Elements.CLOSE,
            Elements.END_EVENT_CLOSED)
        .hasNotPassed(
            Elements.TRIAGE_ON_CALL,
            Elements.SEND_REMINDER,
            Elements.RECORD_RESPONSE_BREACH,
            Elements.TRIAGE_AS_EXECUTIVE,
            Elements.RECORD_RESOLUTION_BREACH,
            Elements.REOPEN);
    assertThat(historicVariable(escalation, ROOT_CAUSE.name())).isEqualTo("TRAINING_GAP");
    assertThat(historicVariable(escalation, DECISION.name())).isEqualTo(DECISION_ACCEPTED);
    assertThat(delegateCalls)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                DETERMINE_SLA_DELEGATE, 1,
                CHECK_BUSINESS_HOURS_DELEGATE, 1,
                RECORD_FIRST_RESPONSE_DELEGATE, 1,
                RECORD_RESOLUTION_DELEGATE, 1,
                CLOSE_DELEGATE, 1));
  }

  @Test
  @DisplayName(
      "outside business hours triage goes to the on-call group, then resolution back to the RM")
  void outsideBusinessHoursRoutesToOnCall() {
    withinBusinessHours = false;
    ProcessInstance escalation = fileEscalation("P2", RM);

    assertThat(escalation)
        .isWaitingAtExactly(Elements.TRIAGE_SUBPROCESS, Elements.TRIAGE_ON_CALL)
        .hasNotPassed(Elements.TRIAGE);
    assertThat(escalation).variables().containsEntry(WITHIN_BUSINESS_HOURS.name(), false);
    Task onCall = task(Elements.TRIAGE_ON_CALL, escalation);
    assertThat(onCall).isNotAssigned().hasCandidateGroup(Groups.ON_CALL).hasDueDate(RESPONSE_DUE);
    assertThat(candidateGroupsOf(onCall)).containsExactly(Groups.ON_CALL);
    assertThat(formKeyOf(onCall)).isEqualTo("Form_TriageEscalation");

    complete(onCall, respond("On call here: we paused the faulty macro, details in the morning."));

    assertThat(escalation)
        .hasPassedInOrder(
            Elements.TRIAGE_ON_CALL,
            GATEWAY_TRIAGE_COMPLETED,
            GATEWAY_RESPONDED,
            Elements.RECORD_FIRST_RESPONSE)
        .isWaitingAtExactly(Elements.RESOLVE);
    assertThat(task(Elements.RESOLVE, escalation)).isAssignedTo(RM);
    assertThat(delegateCalls)
        .containsEntry(RECORD_FIRST_RESPONSE_DELEGATE, 1)
        .doesNotContainKeys(RECORD_RESPONSE_BREACH_DELEGATE, SEND_REMINDER_DELEGATE);
  }

  @Test
  @DisplayName("without an assigned RM the triage task is open to the relationship-managers group")
  void withoutRelationshipManagerTriageIsOpenToTheGroup() {
    ProcessInstance escalation = fileEscalation("P3", null);

    assertThat(escalation).isWaitingAtExactly(Elements.TRIAGE_SUBPROCESS, Elements.TRIAGE);
    assertThat(task(Elements.TRIAGE, escalation))
        .isNotAssigned()
        .hasCandidateGroup(Groups.RELATIONSHIP_MANAGERS);
  }

  @Test
  @DisplayName("the reminder fires before the response SLA; triage keeps waiting")
  void reminderBeforeResponseSla() {
    ProcessInstance escalation = fileEscalation("P1", RM);
    String triageTaskId = task(Elements.TRIAGE, escalation).getId();

    Job reminderTimer = timer(escalation, Elements.TIMER_REMINDER);
    assertThat(reminderTimer).hasDueDate(REMINDER_AT);
    managementService.executeJob(reminderTimer.getId());

    // non-interrupting: triage is untouched; the reminder waits for its own transaction
    // (asyncBefore)
    assertThat(escalation)
        .isWaitingAtExactly(Elements.TRIAGE_SUBPROCESS, Elements.TRIAGE, Elements.SEND_REMINDER);
    assertThat(task(Elements.TRIAGE, escalation).getId()).isEqualTo(triageTaskId);
    assertThat(delegateCalls).doesNotContainKey(SEND_REMINDER_DELEGATE);
    Job reminderJob = asyncJob(escalation, Elements.SEND_REMINDER);
    assertThat(reminderJob).hasRetries(3);

    managementService.executeJob(reminderJob.getId());

    assertThat(delegateCalls).containsEntry(SEND_REMINDER_DELEGATE, 1);
    assertThat(escalation)
        .hasPassedInOrder(Elements.TIMER_REMINDER, Elements.SEND_REMINDER, END_EVENT_REMINDER_SENT)
        .isWaitingAtExactly(Elements.TRIAGE_SUBPROCESS, Elements.TRIAGE);
    assertThat(task(Elements.TRIAGE, escalation).getId()).isEqualTo(triageTaskId);
    assertThat(timerCount(escalation, Elements.TIMER_REMINDER))
        .as("a date timer fires once")
        .isZero();
    assertThat(timer(escalation, Elements.TIMER_RESPONSE_BREACHED)).hasDueDate(RESPONSE_DUE);

    complete(task(Elements.TRIAGE, escalation), respond("On it."));

    assertThat(escalation)
        .isWaitingAtExactly(Elements.RESOLVE)
        .hasNotPassed(Elements.RECORD_RESPONSE_BREACH);
    assertThat(delegateCalls)
        .containsEntry(SEND_REMINDER_DELEGATE, 1)
        .containsEntry(RECORD_FIRST_RESPONSE_DELEGATE, 1);
  }

  @Test
  @DisplayName("a failing reminder is retried every 5 minutes without touching the triage")
  void failedReminderIsRetried() {
    ProcessInstance escalation = fileEscalation("P1", RM);
    managementService.executeJob(timer(escalation, Elements.TIMER_REMINDER).getId());
    String reminderJobId = asyncJob(escalation, Elements.SEND_REMINDER).getId();
    reminderFails = true;

    assertThatThrownBy(() -> managementService.executeJob(reminderJobId))
        .hasMessageContaining("mail server unavailable");

    Job retried = asyncJob(escalation, Elements.SEND_REMINDER);
    assertThat(retried)
        .hasRetries(2)
        .hasDueDate(Date.from(FILED_AT.plus(Duration.ofMinutes(5))))
        .hasExceptionMessage();
    assertThat(escalation)
        .isWaitingAtExactly(Elements.TRIAGE_SUBPROCESS, Elements.TRIAGE, Elements.SEND_REMINDER)
        .hasNotPassed(END_EVENT_REMINDER_SENT);

    reminderFails = false;
    managementService.executeJob(retried.getId());

    assertThat(escalation)
        .hasPassed(END_EVENT_REMINDER_SENT)
        .isWaitingAtExactly(Elements.TRIAGE_SUBPROCESS, Elements.TRIAGE);
    assertThat(delegateCalls).containsEntry(SEND_REMINDER_DELEGATE, 2);
  }

  @Test
  @DisplayName(
      "on response SLA breach the breach is recorded and triage moves up to the executives")
  void responseSlaBreachEscalatesToExecutives() {
    ProcessInstance escalation = fileEscalation("P1", RM);
    Job breachTimer = timer(escalation, Elements.TIMER_RESPONSE_BREACHED);
    assertThat(breachTimer).hasDueDate(RESPONSE_DUE);

    managementService.executeJob(breachTimer.getId());

    assertThat(escalation)
        .hasPassedInOrder(Elements.TIMER_RESPONSE_BREACHED, Elements.RECORD_RESPONSE_BREACH)
        .isWaitingAtExactly(Elements.TRIAGE_AS_EXECUTIVE)
        .hasNotPassed(TRIAGE_ENDED);
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(escalation.getId())
                .taskDefinitionKey(Elements.TRIAGE)
                .count())
        .as("RM triage task cancelled")
        .isZero();
    assertThat(timerCount(escalation, Elements.TIMER_REMINDER))
        .as("reminder cancelled with the triage")
        .isZero();
    assertThat(delegateCalls)
        .containsEntry(RECORD_RESPONSE_BREACH_DELEGATE, 1)
        .doesNotContainKey(RECORD_FIRST_RESPONSE_DELEGATE);
    Task executiveTriage = task(Elements.TRIAGE_AS_EXECUTIVE, escalation);
    assertThat(executiveTriage).isNotAssigned().hasCandidateGroup(Groups.EXECUTIVES);
    assertThat(candidateGroupsOf(executiveTriage)).containsExactly(Groups.EXECUTIVES);
    assertThat(formKeyOf(executiveTriage)).isEqualTo("Form_TriageEscalation");

    complete(executiveTriage, respond("Executive here: we take this over personally."));

    assertThat(escalation)
        .hasPassedInOrder(
            Elements.TRIAGE_AS_EXECUTIVE, GATEWAY_RESPONDED, Elements.RECORD_FIRST_RESPONSE)
        .isWaitingAtExactly(Elements.RESOLVE);
    assertThat(task(Elements.RESOLVE, escalation)).isAssignedTo(RM);
    assertThat(delegateCalls)
        .containsEntry(RECORD_RESPONSE_BREACH_DELEGATE, 1)
        .containsEntry(RECORD_FIRST_RESPONSE_DELEGATE, 1);
  }

  @Test
  @DisplayName(
      "on resolution SLA breach the breach is recorded and the RM keeps the resolution task")
  void resolutionSlaBreachIsRecorded() {
    ProcessInstance escalation = fileEscalation("P2", RM);
    complete(task(Elements.TRIAGE, escalation), respond("Looking into it."));
    String resolveTaskId = task(Elements.RESOLVE, escalation).getId();
    Job breachTimer = timer(escalation, Elements.TIMER_RESOLUTION_BREACHED);
    assertThat(breachTimer).hasDueDate(RESOLUTION_DUE);

    managementService.executeJob(breachTimer.getId());

    assertThat(escalation).isWaitingAtExactly(Elements.RESOLVE, Elements.RECORD_RESOLUTION_BREACH);
    assertThat(delegateCalls).doesNotContainKey(RECORD_RESOLUTION_BREACH_DELEGATE);
    Job recordBreach = asyncJob(escalation, Elements.RECORD_RESOLUTION_BREACH);
    assertThat(recordBreach).hasRetries(3);

    managementService.executeJob(recordBreach.getId());

    assertThat(delegateCalls).containsEntry(RECORD_RESOLUTION_BREACH_DELEGATE, 1);
    assertThat(escalation)
        .hasPassedInOrder(
            Elements.TIMER_RESOLUTION_BREACHED,
            Elements.RECORD_RESOLUTION_BREACH,
            END_EVENT_RESOLUTION_BREACH_RECORDED)
        .isWaitingAtExactly(Elements.RESOLVE);
    assertThat(task(Elements.RESOLVE, escalation).getId()).isEqualTo(resolveTaskId);
    assertThat(timerCount(escalation, Elements.TIMER_RESOLUTION_BREACHED)).isZero();

    complete(task(Elements.RESOLVE, escalation), resolve("Fixed the macro.", "TOOLING", null));

    assertThat(escalation).isWaitingAtExactly(Elements.CONFIRM_RESOLUTION);
    assertThat(delegateCalls)
        .containsEntry(RECORD_RESOLUTION_DELEGATE, 1)
        .containsEntry(RECORD_RESOLUTION_BREACH_DELEGATE, 1);
  }

  @Test
  @DisplayName("a rejected resolution reopens the escalation; the second resolution is accepted")
  void rejectedResolutionReopens() {
    ProcessInstance escalation = fileEscalation("P3", RM);
    complete(task(Elements.TRIAGE, escalation), respond("Looking into it."));
    complete(
        task(Elements.RESOLVE, escalation),
        resolve("Updated the article.", "KNOWLEDGE_BASE", "KB-1234"));

    complete(
        task(Elements.CONFIRM_RESOLUTION, escalation),
        confirm(DECISION_REJECTED, "Agents still quote the old price."));

    assertThat(escalation)
        .hasPassedInOrder(
            Elements.CONFIRM_RESOLUTION, Elements.GATEWAY_RESOLUTION_ACCEPTED, Elements.REOPEN)
        .isWaitingAtExactly(Elements.RESOLVE)
        .hasNotPassed(Elements.CLOSE);
    assertThat(delegateCalls)
        .containsEntry(REOPEN_DELEGATE, 1)
        .containsEntry(RECORD_RESOLUTION_DELEGATE, 1)
        .doesNotContainKey(CLOSE_DELEGATE);
    assertThat(passCount(escalation, GATEWAY_RESOLUTION_NEEDED)).isEqualTo(2);
    assertThat(task(Elements.RESOLVE, escalation)).isAssignedTo(RM).hasDueDate(RESOLUTION_DUE);
    assertThat(timer(escalation, Elements.TIMER_RESOLUTION_BREACHED)).hasDueDate(RESOLUTION_DUE);

    complete(
        task(Elements.RESOLVE, escalation),
        resolve("Retrained the team on the new price list.", "TRAINING_GAP", null));
    complete(task(Elements.CONFIRM_RESOLUTION, escalation), confirm(DECISION_ACCEPTED, null));

    assertThat(escalation).isEnded().hasPassed(Elements.END_EVENT_CLOSED);
    assertThat(passCount(escalation, Elements.RESOLVE)).isEqualTo(2);
    assertThat(passCount(escalation, Elements.CONFIRM_RESOLUTION)).isEqualTo(2);
    assertThat(historicVariable(escalation, ROOT_CAUSE.name())).isEqualTo("TRAINING_GAP");
    assertThat(delegateCalls)
        .containsEntry(REOPEN_DELEGATE, 1)
        .containsEntry(RECORD_RESOLUTION_DELEGATE, 2)
        .containsEntry(CLOSE_DELEGATE, 1)
        .containsEntry(RECORD_FIRST_RESPONSE_DELEGATE, 1);
  }

  @Test
  @DisplayName("if the filer does not confirm within 5 days the escalation is closed")
  void unconfirmedResolutionClosesAfterFiveDays() {
    ProcessInstance escalation = fileEscalation("P4", RM);
    complete(task(Elements.TRIAGE, escalation), respond("Looking into it."));
    complete(
        task(Elements.RESOLVE, escalation), resolve("Replaced the headsets.", "TOOLING", null));
    Job expiry = timer(escalation, Elements.TIMER_CONFIRMATION_EXPIRED);
    assertThat(expiry).hasDueDate(Date.from(FILED_AT.plus(Duration.ofDays(5))));

    managementService.executeJob(expiry.getId());

    assertThat(escalation)
        .isEnded()
        .hasPassedInOrder(
            Elements.TIMER_CONFIRMATION_EXPIRED,
            GATEWAY_READY_TO_CLOSE,
            Elements.CLOSE,
            Elements.END_EVENT_CLOSED)
        .hasNotPassed(Elements.GATEWAY_RESOLUTION_ACCEPTED, Elements.REOPEN);
    assertThat(
            extension
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceId(escalation.getId())
                .taskDefinitionKey(Elements.CONFIRM_RESOLUTION)
                .singleResult()
                .getDeleteReason())
        .isEqualTo("deleted");
    assertThat(historicVariable(escalation, DECISION.name())).isNull();
    assertThat(delegateCalls).containsEntry(CLOSE_DELEGATE, 1).doesNotContainKey(REOPEN_DELEGATE);
  }

  @Test
  @DisplayName("the SLA decision is deployed with the process and answers by severity")
  void slaDecisionIsDeployedWithTheProcess() {
    Map<String, Object> sla =
        extension
            .getDecisionService()
            .evaluateDecisionByKey(SLA_DECISION_KEY)
            .variables(Variables.createVariables().putValue(SEVERITY.name(), "P2"))
            .evaluate()
            .getSingleResult()
            .getEntryMap();

    assertThat(sla).containsEntry("responseHours", 4).containsEntry("resolutionHours", 24);
  }

  // --- helpers

  private void mockDelegate(String name, JavaDelegate behaviour) {
    Mocks.register(
        name,
        (JavaDelegate)
            execution -> {
              delegateCalls.merge(name, 1, Integer::sum);
              behaviour.execute(execution);
            });
  }

  private ProcessInstance fileEscalation(String severity, String relationshipManager) {
    VariableMap variables = Variables.createVariables();
    ESCALATION_ID.on(variables, ESCALATION);
    VENDOR_ID.on(variables, VENDOR);
    SEVERITY.on(variables, severity);
    FILED_BY.on(variables, FILER);
    RELATIONSHIP_MANAGER.on(variables, relationshipManager);
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, ESCALATION, variables);
  }

  private static Map<String, Object> respond(String response) {
    VariableMap variables = Variables.createVariables();
    RESPONSE.on(variables, response);
    return variables;
  }

  private static Map<String, Object> resolve(
      String resolution, String rootCause, String rootCauseDetail) {
    VariableMap variables = Variables.createVariables();
    RESOLUTION.on(variables, resolution);
    ROOT_CAUSE.on(variables, rootCause);
    ROOT_CAUSE_DETAIL.on(variables, rootCauseDetail);
    return variables;
  }

  private static Map<String, Object> confirm(String decision, String feedback) {
    VariableMap variables = Variables.createVariables();
    DECISION.on(variables, decision);
    FEEDBACK.on(variables, feedback);
    return variables;
  }

  private Job timer(ProcessInstance instance, String timerEventId) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .timers()
            .activityId(timerEventId)
            .singleResult();
    assertThat(job).as("timer job of %s", timerEventId).isNotNull();
    return job;
  }

  private long timerCount(ProcessInstance instance, String timerEventId) {
    return managementService
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .activityId(timerEventId)
        .count();
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

  private List<String> candidateGroupsOf(Task task) {
    return ProcessTests.candidateGroupsOf(extension.getProcessEngine(), task);
  }

  private long passCount(ProcessInstance instance, String activityId) {
    return ProcessTests.passCount(extension.getProcessEngine(), instance, activityId);
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return ProcessTests.historicVariable(extension.getProcessEngine(), instance, name);
  }
}
