package dev.steward.qa;

import static dev.steward.qa.QaCycleProcess.AGENT_ID;
import static dev.steward.qa.QaCycleProcess.AUDIT_BRIEF;
import static dev.steward.qa.QaCycleProcess.AUDIT_ID;
import static dev.steward.qa.QaCycleProcess.AUDIT_IDS;
import static dev.steward.qa.QaCycleProcess.COACHING_BRIEF;
import static dev.steward.qa.QaCycleProcess.COACHING_ID;
import static dev.steward.qa.QaCycleProcess.COACHING_IDS;
import static dev.steward.qa.QaCycleProcess.COACHING_NEEDED;
import static dev.steward.qa.QaCycleProcess.COMMENT;
import static dev.steward.qa.QaCycleProcess.COMPLETED_BY;
import static dev.steward.qa.QaCycleProcess.CYCLE_ID;
import static dev.steward.qa.QaCycleProcess.DECISION;
import static dev.steward.qa.QaCycleProcess.DECISION_REJECTED;
import static dev.steward.qa.QaCycleProcess.DECISION_UPHELD;
import static dev.steward.qa.QaCycleProcess.DISPUTE_BRIEF;
import static dev.steward.qa.QaCycleProcess.DISPUTE_ID;
import static dev.steward.qa.QaCycleProcess.DISPUTE_WINDOW_ENDS_AT;
import static dev.steward.qa.QaCycleProcess.MSG_AUDIT_DISPUTED;
import static dev.steward.qa.QaCycleProcess.NOTE;
import static dev.steward.qa.QaCycleProcess.PROCESS_KEY;
import static dev.steward.qa.QaCycleProcess.RATINGS;
import static dev.steward.qa.QaCycleProcess.RELATIONSHIP_MANAGER;
import static dev.steward.qa.QaCycleProcess.VENDOR_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;

import dev.steward.platform.FlowNodeCoverage;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.ProcessTests;
import dev.steward.qa.QaCycleProcess.Elements;
import dev.steward.qa.QaCycleProcess.Groups;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Every path of {@code processes/qa-cycle.bpmn} on an in-memory engine with mocked delegates: the
 * audits of a sample, an audit refused for invalid ratings, results with and without coaching, the
 * dispute window closing by its timer with no dispute, and disputes upheld and rejected (also one
 * still open when the window closes). The job executor is off; timers and async continuations are
 * executed explicitly. Flow-node coverage is checked after all tests.
 */
@Deployment(
    resources = {
      "processes/qa-cycle.bpmn",
      "processes/qa-audit.form",
      "processes/qa-coaching.form",
      "processes/qa-arbitrate-dispute.form"
    })
class QaCycleProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @RegisterExtension
  @Order(2)
  static FlowNodeCoverage coverage =
      FlowNodeCoverage.of(PROCESS_KEY, "processes/qa-cycle.bpmn", extension::getProcessEngine);

  // delegate bean names, as in the diagram's delegate expressions
  static final String DRAW_SAMPLE = "drawQaSampleDelegate";
  static final String PREPARE_AUDIT = "prepareQaAuditDelegate";
  static final String RECORD_AUDIT = "recordQaAuditDelegate";
  static final String PUBLISH_RESULTS = "publishQaResultsDelegate";
  static final String AWARD_POINTS = "awardQaPointsDelegate";
  static final String FLAG_REPEAT_FAILURES = "flagRepeatQaFailuresDelegate";
  static final String PREPARE_COACHING = "prepareQaCoachingDelegate";
  static final String RECORD_COACHING = "recordQaCoachingDelegate";
  static final String CLOSE_DISPUTE_WINDOW = "closeQaDisputeWindowDelegate";
  static final String RESCORE_AUDIT = "rescoreQaAuditDelegate";
  static final String REJECT_DISPUTE = "rejectQaDisputeDelegate";
  static final String CLOSE_CYCLE = "closeQaCycleDelegate";

  // diagram elements the application never refers to
  static final String AUDIT_STARTED = "StartEvent_AuditStarted";
  static final String AUDIT_RECORDED = "EndEvent_AuditRecorded";
  static final String FORK_FOLLOW_UP = "Gateway_ForkFollowUp";
  static final String COACHING_DONE = "Gateway_CoachingDone";
  static final String COACHING_RECORDED = "EndEvent_CoachingRecorded";
  static final String WINDOW_OPENED = "StartEvent_DisputeWindowOpened";
  static final String WINDOW_CLOSED = "EndEvent_DisputeWindowClosed";
  static final String DISPUTE_DECIDED = "Gateway_DisputeDecided";
  static final String DISPUTE_ARBITRATED = "EndEvent_DisputeArbitrated";
  static final String JOIN_FOLLOW_UP = "Gateway_JoinFollowUp";
  static final String AUDIT_SAMPLE_BODY = Elements.AUDIT_SAMPLE + "#multiInstanceBody";

  /** Coaching is done (or was not needed): the join waits for the dispute window. */
  static final String[] WINDOW_OPEN = {
    JOIN_FOLLOW_UP, Elements.DISPUTE_WINDOW, Elements.TIMER_DISPUTE_WINDOW_CLOSED
  };

  static final String[] WINDOW_OPEN_WITH_ARBITRATION = {
    JOIN_FOLLOW_UP,
    Elements.DISPUTE_WINDOW,
    Elements.TIMER_DISPUTE_WINDOW_CLOSED,
    Elements.DISPUTE_ARBITRATION,
    Elements.ARBITRATE_DISPUTE
  };

  static final String VENDOR = "vendor-acme-mnl";
  static final String CYCLE = "cycle-2030-05";
  static final String RM = "rita.rm";
  static final String ANALYST = "quinn.qa";
  static final String LEAD = "lena.lead";

  static final Instant NOW = Instant.parse("2030-06-03T08:00:00Z");
  static final Date WINDOW_ENDS = Date.from(NOW.plus(Duration.ofDays(5)));

  private final Map<String, Integer> delegateCalls = new LinkedHashMap<>();
  private List<String> auditIds = List.of("audit-1", "audit-2");
  private List<String> coachingIds = List.of();
  private boolean ratingsInvalid;

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
        DRAW_SAMPLE,
        execution -> {
          if (CYCLE_ID.from(execution) == null) {
            CYCLE_ID.on(execution, "cycle-opened-for-" + VENDOR_ID.requiredFrom(execution));
          }
          AUDIT_IDS.on(execution, auditIds);
          RELATIONSHIP_MANAGER.on(execution, RM);
        });
    mockDelegate(
        PREPARE_AUDIT,
        execution -> {
          String audit = AUDIT_ID.requiredFrom(execution);
          execution.setVariableLocal(
              RATINGS.name(), RATINGS.engineValue(List.of(rating("tone", null))));
          execution.setVariableLocal(AUDIT_BRIEF.name(), "Interaction of " + audit);
          execution.setVariableLocal(COMMENT.name(), null);
          execution.setVariableLocal(COMPLETED_BY.name(), null);
        });
    mockDelegate(
        RECORD_AUDIT,
        execution -> {
          if (ratingsInvalid) {
            throw InvalidDataException.of("ratings[0].rating", "must be a whole number 1 to 5");
          }
        });
    mockDelegate(
        PUBLISH_RESULTS,
        execution -> {
          DISPUTE_WINDOW_ENDS_AT.on(execution, WINDOW_ENDS);
          COACHING_IDS.on(execution, coachingIds);
          COACHING_NEEDED.on(execution, !coachingIds.isEmpty());
        });
    mockDelegate(
        PREPARE_COACHING,
        execution -> {
          String coaching = COACHING_ID.requiredFrom(execution);
          execution.setVariableLocal(AGENT_ID.name(), "agent-of-" + coaching);
          execution.setVariableLocal(COACHING_BRIEF.name(), "Coach on Tone (mean 50).");
          execution.setVariableLocal(NOTE.name(), null);
          execution.setVariableLocal(COMPLETED_BY.name(), null);
        });
    for (String name :
        List.of(
            AWARD_POINTS,
            FLAG_REPEAT_FAILURES,
            RECORD_COACHING,
            CLOSE_DISPUTE_WINDOW,
            RESCORE_AUDIT,
            REJECT_DISPUTE,
            CLOSE_CYCLE)) {
      mockDelegate(name, execution -> {});
    }
    Mocks.register(
        "rememberQaCompleterListener",
        (TaskListener)
            task -> task.getExecution().setVariableLocal(COMPLETED_BY.name(), task.getAssignee()));
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
      "the sample is audited, results published, an agent below the pass mark coached; no dispute:"
          + " the window closes on its timer and the cycle closes")
  void auditsCoachingAndAnExpiredDisputeWindow() throws IOException {
    coachingIds = List.of("coaching-1");
    ProcessInstance cycle = startCycle();

    assertThat(cycle).isWaitingAt(Elements.DRAW_SAMPLE);
    assertThat(delegateCalls).isEmpty();
    runJobs(cycle);

    assertThat(cycle)
        .hasPassedInOrder(Elements.START_EVENT, Elements.DRAW_SAMPLE, AUDIT_STARTED)
        .isWaitingAt(Elements.AUDIT_INTERACTION);
    List<Task> audits = tasks(cycle, Elements.AUDIT_INTERACTION);
    assertThat(audits).hasSize(2);
    Task first = audits.get(0);
    assertThat(first).isNotAssigned().hasCandidateGroup(Groups.QA_ANALYSTS);
    assertThat(candidateGroupsOf(first)).containsExactly(Groups.QA_ANALYSTS);
    assertThat(first.getDescription()).startsWith("Interaction of audit-");
    assertThat(formKeyOf(first)).isEqualTo("Form_QaAudit");
    assertThat(deployedFormOf(first))
        .contains("\"type\": \"dynamiclist\"", "\"path\": \"ratings\"", "\"key\": \"comment\"");
    assertThat(taskService.getVariable(first.getId(), AUDIT_ID.name()))
        .as("each audit task sees its own audit id")
        .isIn("audit-1", "audit-2");

    for (Task audit : audits) {
      completeAs(ANALYST, audit, auditAnswer(5));
    }
    assertThat(delegateCalls).containsEntry(RECORD_AUDIT, 2).doesNotContainKey(PUBLISH_RESULTS);
    assertThat(historicVariables(cycle, COMMENT.name()))
        .as("each audit's comment stays in its own scope")
        .hasSize(2);
    assertThat(runtimeService.getVariable(cycle.getId(), COMMENT.name())).isNull();
    runJobs(cycle);

    assertThat(cycle)
        .hasPassed(Elements.AUDIT_SAMPLE)
        .hasPassedInOrder(
            Elements.RECORD_AUDIT,
            AUDIT_RECORDED,
            Elements.PUBLISH_RESULTS,
            Elements.AWARD_POINTS,
            Elements.FLAG_REPEAT_FAILURES,
            FORK_FOLLOW_UP,
            Elements.GATEWAY_COACHING_NEEDED)
        .isWaitingAt(Elements.COACH_AGENT, Elements.TIMER_DISPUTE_WINDOW_CLOSED);
    assertThat(timer(cycle, Elements.TIMER_DISPUTE_WINDOW_CLOSED)).hasDueDate(WINDOW_ENDS);

    Task coach = tasks(cycle, Elements.COACH_AGENT).get(0);
    assertThat(coach).isNotAssigned().hasCandidateGroup(Groups.BPO_LEADS);
    assertThat(candidateGroupsOf(coach)).containsExactly(Groups.BPO_LEADS);
    assertThat(coach.getDescription())
        .isEqualTo("Coach agent agent-of-coaching-1. Coach on Tone (mean 50).");
    assertThat(formKeyOf(coach)).isEqualTo("Form_QaCoaching");
    assertThat(runtimeService.getVariable(cycle.getId(), VENDOR_ID.name()))
        .as("the task API scopes the lead's coaching task by the instance's vendor")
        .isEqualTo(VENDOR);

    completeAs(LEAD, coach, Map.of(NOTE.name(), "Walked through the tone audits."));
    runJobs(cycle);
    assertThat(cycle)
        .hasPassed(Elements.COACH_AGENTS)
        .hasPassedInOrder(
            Elements.PREPARE_COACHING,
            Elements.COACH_AGENT,
            Elements.RECORD_COACHING,
            COACHING_RECORDED,
            COACHING_DONE)
        .isWaitingAt(Elements.TIMER_DISPUTE_WINDOW_CLOSED);
    assertThat(historicVariables(cycle, COMPLETED_BY.name())).contains(ANALYST, LEAD);

    managementService.executeJob(timer(cycle, Elements.TIMER_DISPUTE_WINDOW_CLOSED).getId());

    assertThat(cycle)
        .isEnded()
        .hasPassedInOrder(
            WINDOW_OPENED,
            Elements.TIMER_DISPUTE_WINDOW_CLOSED,
            Elements.CLOSE_DISPUTE_WINDOW,
            WINDOW_CLOSED,
            JOIN_FOLLOW_UP,
            Elements.CLOSE_CYCLE,
            Elements.END_EVENT_CLOSED)
        .hasNotPassed(Elements.ARBITRATE_DISPUTE);
    assertThat(delegateCalls)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry(DRAW_SAMPLE, 1),
                Map.entry(PREPARE_AUDIT, 2),
                Map.entry(RECORD_AUDIT, 2),
                Map.entry(PUBLISH_RESULTS, 1),
                Map.entry(AWARD_POINTS, 1),
                Map.entry(FLAG_REPEAT_FAILURES, 1),
                Map.entry(PREPARE_COACHING, 1),
                Map.entry(RECORD_COACHING, 1),
                Map.entry(CLOSE_DISPUTE_WINDOW, 1),
                Map.entry(CLOSE_CYCLE, 1)));
  }

  @Test
  @DisplayName("invalid ratings roll the analyst's completion back: the audit task stays open")
  void invalidRatingsKeepTheAuditOpen() {
    auditIds = List.of("audit-1");
    ProcessInstance cycle = startCycle();
    runJobs(cycle);
    Task audit = tasks(cycle, Elements.AUDIT_INTERACTION).get(0);
    ratingsInvalid = true;

    assertThatThrownBy(() -> completeAs(ANALYST, audit, auditAnswer(9)))
        .isInstanceOf(InvalidDataException.class)
        .hasMessage("The request has invalid data");

    assertThat(cycle)
        .isWaitingAtExactly(AUDIT_SAMPLE_BODY, Elements.AUDIT_SAMPLE, Elements.AUDIT_INTERACTION);
    assertThat(taskService.createTaskQuery().taskId(audit.getId()).singleResult()).isNotNull();
    assertThat(managementService.createJobQuery().processInstanceId(cycle.getId()).count())
        .isZero();

    ratingsInvalid = false;
    taskService.setAssignee(audit.getId(), null);
    completeAs(ANALYST, audit, auditAnswer(4));
    runJobs(cycle);
    assertThat(cycle).hasPassed(Elements.PUBLISH_RESULTS);
  }

  @Test
  @DisplayName(
      "with nobody below the pass mark there is no coaching; an upheld dispute re-scores the audit")
  void noCoachingAndAnUpheldDispute() {
    ProcessInstance cycle = startCycle();
    auditEverything(cycle);

    assertThat(cycle)
        .hasPassedInOrder(Elements.GATEWAY_COACHING_NEEDED, COACHING_DONE)
        .hasNotPassed(Elements.COACH_AGENTS)
        .isWaitingAtExactly(WINDOW_OPEN);

    dispute(cycle, "dispute-1", "audit-1");

    assertThat(cycle).isWaitingAtExactly(WINDOW_OPEN_WITH_ARBITRATION);
    Task arbitrate = tasks(cycle, Elements.ARBITRATE_DISPUTE).get(0);
    assertThat(arbitrate)
        .isAssignedTo(RM)
        .hasCandidateGroupAssociated(Groups.RELATIONSHIP_MANAGERS);
    assertThat(arbitrate.getDescription()).isEqualTo("lena.lead disputes audit-1");
    assertThat(formKeyOf(arbitrate)).isEqualTo("Form_QaArbitrateDispute");

    Map<String, Object> upheld = new HashMap<>();
    upheld.put(DECISION.name(), DECISION_UPHELD);
    upheld.put(RATINGS.name(), RATINGS.engineValue(List.of(rating("tone", 5))));
    upheld.put(NOTE.name(), "The customer asked for the transfer.");
    completeAs(RM, arbitrate, upheld);
    runJobs(cycle);

    assertThat(cycle)
        .hasPassedInOrder(
            Elements.AUDIT_DISPUTED,
            Elements.ARBITRATE_DISPUTE,
            Elements.GATEWAY_DISPUTE_UPHELD,
            Elements.RESCORE_AUDIT,
            DISPUTE_DECIDED,
            DISPUTE_ARBITRATED)
        .hasNotPassed(Elements.RECORD_DISPUTE_REJECTED)
        .isWaitingAtExactly(WINDOW_OPEN);
    assertThat(delegateCalls).containsEntry(RESCORE_AUDIT, 1).doesNotContainKey(REJECT_DISPUTE);
    assertThat(runtimeService.getVariable(cycle.getId(), DECISION.name()))
        .as("the decision stayed in the dispute's scope")
        .isNull();

    managementService.executeJob(timer(cycle, Elements.TIMER_DISPUTE_WINDOW_CLOSED).getId());
    assertThat(cycle).isEnded().hasPassed(Elements.END_EVENT_CLOSED);
  }

  @Test
  @DisplayName(
      "a rejected dispute lets the audit stand; one still open when the window closes is finished")
  void aRejectedDisputeAndOneOpenWhenTheWindowCloses() {
    ProcessInstance cycle = startCycle();
    auditEverything(cycle);
    dispute(cycle, "dispute-1", "audit-1");
    dispute(cycle, "dispute-2", "audit-2");
    assertThat(tasks(cycle, Elements.ARBITRATE_DISPUTE)).hasSize(2);

    Task first =
        tasks(cycle, Elements.ARBITRATE_DISPUTE).stream()
            .filter(t -> "dispute-1".equals(taskService.getVariable(t.getId(), DISPUTE_ID.name())))
            .findFirst()
            .orElseThrow();
    completeAs(RM, first, decision(DECISION_REJECTED));
    runJobs(cycle);
    assertThat(cycle)
        .hasPassedInOrder(
            Elements.GATEWAY_DISPUTE_UPHELD, Elements.RECORD_DISPUTE_REJECTED, DISPUTE_DECIDED)
        .isWaitingAtExactly(WINDOW_OPEN_WITH_ARBITRATION);
    assertThat(delegateCalls).containsEntry(REJECT_DISPUTE, 1);

    // the window closes while the second dispute is being arbitrated: the open one is finished
    managementService.executeJob(timer(cycle, Elements.TIMER_DISPUTE_WINDOW_CLOSED).getId());
    assertThat(cycle)
        .hasPassed(Elements.CLOSE_DISPUTE_WINDOW, WINDOW_CLOSED)
        .isWaitingAtExactly(
            JOIN_FOLLOW_UP,
            Elements.DISPUTE_WINDOW,
            Elements.DISPUTE_ARBITRATION,
            Elements.ARBITRATE_DISPUTE);
    // the dispute subscription lives as long as its sub-process, which waits for the open
    // arbitration: new disputes are refused by the service, which reads the window closed by
    // Task_CloseDisputeWindow
    assertThat(delegateCalls).containsEntry(CLOSE_DISPUTE_WINDOW, 1);
    assertThat(delegateCalls).doesNotContainKey(CLOSE_CYCLE);

    completeAs(RM, tasks(cycle, Elements.ARBITRATE_DISPUTE).get(0), decision(DECISION_REJECTED));
    runJobs(cycle);
    assertThat(cycle).isEnded().hasPassed(JOIN_FOLLOW_UP, Elements.END_EVENT_CLOSED);
    assertThat(delegateCalls).containsEntry(REJECT_DISPUTE, 2).containsEntry(CLOSE_CYCLE, 1);
  }

  @Test
  @DisplayName("started by the vendor lifecycle with only the vendor, the first step opens a cycle")
  void startedWithOnlyTheVendor() {
    VariableMap variables = Variables.createVariables();
    VENDOR_ID.on(variables, VENDOR);
    ProcessInstance cycle = runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
    runJobs(cycle);

    assertThat(cycle)
        .isWaitingAt(Elements.AUDIT_INTERACTION)
        .variables()
        .containsEntry(CYCLE_ID.name(), "cycle-opened-for-" + VENDOR)
        .containsEntry(RELATIONSHIP_MANAGER.name(), RM);
  }

  @Test
  @DisplayName("an empty sample goes straight to the results")
  void anEmptySampleGoesStraightToTheResults() {
    auditIds = List.of();
    ProcessInstance cycle = startCycle();
    runJobs(cycle);

    assertThat(cycle)
        .hasPassed(Elements.PUBLISH_RESULTS)
        .hasNotPassed(Elements.AUDIT_INTERACTION)
        .isWaitingAtExactly(WINDOW_OPEN);
  }

  // --- helpers

  private void mockDelegate(String name, JavaDelegate behaviour) {
    Mocks.register(
        name,
        (JavaDelegate)
            (DelegateExecution execution) -> {
              delegateCalls.merge(name, 1, Integer::sum);
              behaviour.execute(execution);
            });
  }

  private ProcessInstance startCycle() {
    VariableMap variables = Variables.createVariables();
    CYCLE_ID.on(variables, CYCLE);
    VENDOR_ID.on(variables, VENDOR);
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, CYCLE, variables);
  }

  private void auditEverything(ProcessInstance cycle) {
    runJobs(cycle);
    for (Task audit : tasks(cycle, Elements.AUDIT_INTERACTION)) {
      completeAs(ANALYST, audit, auditAnswer(5));
    }
    runJobs(cycle);
  }

  /** Correlates a dispute as the service does: its variables live in the dispute's own scope. */
  private void dispute(ProcessInstance cycle, String disputeId, String auditId) {
    Map<String, Object> scope = new HashMap<>();
    scope.put(DISPUTE_ID.name(), disputeId);
    scope.put(AUDIT_ID.name(), auditId);
    scope.put(DISPUTE_BRIEF.name(), LEAD + " disputes " + auditId);
    scope.put(RATINGS.name(), RATINGS.engineValue(List.of(rating("tone", 3))));
    scope.put(DECISION.name(), null);
    scope.put(NOTE.name(), null);
    scope.put(COMPLETED_BY.name(), null);
    runtimeService
        .createMessageCorrelation(MSG_AUDIT_DISPUTED)
        .processInstanceId(cycle.getId())
        .setVariablesToTriggeredScope(scope)
        .correlateWithResult();
  }

  private static Map<String, Object> decision(String decision) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(DECISION.name(), decision);
    variables.put(NOTE.name(), "Decided.");
    return variables;
  }

  private static Map<String, Object> auditAnswer(int tone) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(RATINGS.name(), RATINGS.engineValue(List.of(rating("tone", tone))));
    variables.put(COMMENT.name(), "Friendly and correct.");
    return variables;
  }

  private static Map<String, Object> rating(String category, Integer rating) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("category", category);
    item.put("name", category);
    item.put("rating", rating);
    item.put("notApplicable", false);
    return item;
  }

  /** Claims as the task API does, then completes. */
  private void completeAs(String user, Task task, Map<String, Object> variables) {
    taskService.setAssignee(task.getId(), user);
    taskService.complete(task.getId(), variables);
  }

  /** Runs every async continuation that is due (not the future dispute-window timer). */
  private void runJobs(ProcessInstance instance) {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs =
          managementService
              .createJobQuery()
              .processInstanceId(instance.getId())
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

  private List<Task> tasks(ProcessInstance instance, String taskKey) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey)
        .orderByTaskCreateTime()
        .asc()
        .list();
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

  private List<Object> historicVariables(ProcessInstance instance, String name) {
    List<Object> values = new ArrayList<>();
    extension
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .list()
        .forEach(v -> values.add(v.getValue()));
    return values;
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
}
