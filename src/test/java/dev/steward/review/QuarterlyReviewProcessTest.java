package dev.steward.review;

import static dev.steward.review.QuarterlyReviewProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;

import dev.steward.platform.FlowNodeCoverage;
import dev.steward.review.QuarterlyReviewProcess.Elements;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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
 * Every path of {@code processes/quarterly-review.bpmn} on an in-memory engine with mocked
 * delegates: each outcome, action items with and without their due-date reminder, the 30-day
 * follow-up timer, and the improvement plan started on its own (after a rejected transition).
 */
@Deployment(
    resources = {
      "processes/quarterly-review.bpmn",
      "processes/qbr-outcome.dmn",
      "processes/quarterly-review-hold.form",
      "processes/quarterly-review-recognize.form",
      "processes/quarterly-review-improvement-plan.form",
      "processes/quarterly-review-action-item.form"
    })
class QuarterlyReviewProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @RegisterExtension
  @Order(2)
  static FlowNodeCoverage coverage =
      FlowNodeCoverage.of(
          PROCESS_KEY, "processes/quarterly-review.bpmn", extension::getProcessEngine);

  static final Instant NOW = Instant.parse("2030-10-01T03:00:00Z");
  static final String VENDOR = "vendor-acme";
  static final String RM = "rachel";

  private final List<String> calls = new ArrayList<>();
  private String outcome = "CONTINUE";
  private List<String> actionItemIds = List.of();

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
    mock(
        "assembleReviewFactsDelegate",
        execution -> {
          if (REVIEW_ID.from(execution) == null) {
            REVIEW_ID.on(execution, "review-from-lifecycle");
          }
          OUTCOME.on(execution, outcome);
          QBR_FACTS.on(execution, "facts");
          RELATIONSHIP_MANAGER.on(execution, RM);
        });
    mock("recordQbrOutcomeDelegate", execution -> ACTION_ITEM_IDS.on(execution, actionItemIds));
    mock(
        "recordImprovementPlanDelegate",
        execution -> FOLLOW_UP_DUE_AT.on(execution, Date.from(NOW.plus(Duration.ofDays(30)))));
    for (String name :
        List.of(
            "publishRecognitionNoticeDelegate",
            "startFollowUpReviewDelegate",
            "proposeTransitionDelegate",
            "sendActionItemReminderDelegate",
            "closeActionItemDelegate")) {
      mock(name, execution -> {});
    }
    Mocks.register(
        "openActionItemListener",
        (ExecutionListener)
            execution -> {
              String id = ACTION_ITEM_ID.requiredFrom(execution);
              execution.setVariableLocal(ACTION_ITEM_OWNER.name(), "owner-" + id);
              execution.setVariableLocal(
                  ACTION_ITEM_DUE_AT.name(), Date.from(NOW.plus(Duration.ofDays(14))));
            });
    Mocks.register(
        "actionItemTaskListener",
        (TaskListener)
            task ->
                task.setVariableLocal(
                    ACTION_ITEM_ID.name(), ACTION_ITEM_ID.requiredFrom(task.getExecution())));
    Mocks.register(
        "rememberReviewerListener",
        (TaskListener) task -> LAST_COMPLETED_BY.on(task.getExecution(), task.getAssignee()));
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

  private void mock(String name, JavaDelegate behaviour) {
    Mocks.register(
        name,
        (JavaDelegate)
            execution -> {
              calls.add(name);
              behaviour.execute(execution);
            });
  }

  private ProcessInstance startFromLifecycle() {
    VariableMap variables = Variables.createVariables();
    VENDOR_ID.on(variables, VENDOR);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
    assertThat(instance).isWaitingAt(Elements.ASSEMBLE_FACTS);
    runJob(instance, Elements.ASSEMBLE_FACTS);
    assertThat(instance).isWaitingAt(Elements.HOLD_QBR);
    return instance;
  }

  private void runJob(ProcessInstance instance, String activityId) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    managementService.executeJob(job.getId());
  }

  private Task task(ProcessInstance instance, String key) {
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey(key)
            .list();
    assertThat(tasks).as(key).isNotEmpty();
    return tasks.get(0);
  }

  private void holdQbr(ProcessInstance instance) {
    Task hold = task(instance, Elements.HOLD_QBR);
    assertThat(hold.getAssignee()).isEqualTo(RM);
    taskService.complete(hold.getId(), Map.of(QBR_NOTES.name(), "Good quarter"));
  }

  @Test
  @DisplayName("RECOGNIZE: the RM writes the recognition, the notice is published, the review ends")
  void recognize() {
    outcome = "RECOGNIZE";
    ProcessInstance review = startFromLifecycle();
    assertThat(review).variables().containsEntry(REVIEW_ID.name(), "review-from-lifecycle");
    holdQbr(review);
    assertThat(review).isWaitingAt(Elements.RECOGNIZE_TEAM);
    taskService.complete(
        task(review, Elements.RECOGNIZE_TEAM).getId(),
        Map.of(RECOGNITION_MESSAGE.name(), "Well done"));
    runJob(review, Elements.PUBLISH_RECOGNITION);
    assertThat(review)
        .hasPassed(
            Elements.RECORD_OUTCOME,
            Elements.GATEWAY_SPLIT,
            Elements.END_ACTION_ITEMS_DONE,
            Elements.END_RECOGNIZED)
        .hasNotPassed(Elements.COMPLETE_ACTION_ITEM)
        .isEnded();
    assertThat(calls)
        .containsSubsequence("recordQbrOutcomeDelegate", "publishRecognitionNoticeDelegate");
  }

  @Test
  @DisplayName(
      "CONTINUE with two action items: one done in time, one reminded at its due date; the review"
          + " ends when both are done")
  void continueWithActionItems() {
    outcome = "CONTINUE";
    actionItemIds = List.of("risk-1", "risk-2");
    ProcessInstance review = startFromLifecycle();
    holdQbr(review);
    List<Task> items =
        taskService
            .createTaskQuery()
            .processInstanceId(review.getId())
            .taskDefinitionKey(Elements.COMPLETE_ACTION_ITEM)
            .orderByTaskAssignee()
            .asc()
            .list();
    assertThat(items).extracting(Task::getAssignee).containsExactly("owner-risk-1", "owner-risk-2");
    assertThat(taskService.getVariableLocal(items.get(0).getId(), ACTION_ITEM_ID.name()))
        .isEqualTo("risk-1");
    assertThat(review).hasPassed(Elements.END_CONTINUED).isNotEnded();

    // the first is done before its due date
    taskService.complete(items.get(0).getId());
    // the second is due: the non-interrupting timer reminds its owner, the task stays
    List<Job> timers =
        managementService.createJobQuery().processInstanceId(review.getId()).timers().list();
    assertThat(timers).hasSize(1);
    assertThat(timers.get(0).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));
    managementService.executeJob(timers.get(0).getId());
    runJob(review, Elements.SEND_ACTION_ITEM_REMINDER);
    assertThat(review).hasPassed(Elements.END_REMINDER_SENT).isNotEnded();
    assertThat(calls).containsOnlyOnce("sendActionItemReminderDelegate");

    taskService.complete(items.get(1).getId());
    // each close step is asynchronous
    for (Job job :
        managementService
            .createJobQuery()
            .processInstanceId(review.getId())
            .activityId(Elements.CLOSE_ACTION_ITEM)
            .list()) {
      managementService.executeJob(job.getId());
    }
    assertThat(review)
        .hasPassed(
            Elements.CLOSE_ACTION_ITEM,
            Elements.END_ACTION_ITEM_DONE,
            Elements.END_ACTION_ITEMS_DONE)
        .isEnded();
    assertThat(calls.stream().filter("closeActionItemDelegate"::equals)).hasSize(2);
  }

  @Test
  @DisplayName(
      "IMPROVEMENT_PLAN: the RM agrees the plan, 30 days later the follow-up review starts")
  void improvementPlanWithFollowUp() {
    outcome = "IMPROVEMENT_PLAN";
    ProcessInstance review = startFromLifecycle();
    holdQbr(review);
    assertThat(review).isWaitingAt(Elements.AGREE_IMPROVEMENT_PLAN);
    taskService.complete(
        task(review, Elements.AGREE_IMPROVEMENT_PLAN).getId(),
        Map.of(IMPROVEMENT_PLAN.name(), "Coach", IMPROVEMENT_TARGETS.name(), "CSAT 80"));
    runJob(review, Elements.RECORD_IMPROVEMENT_PLAN);
    assertThat(review).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);
    Job timer =
        managementService
            .createJobQuery()
            .processInstanceId(review.getId())
            .timers()
            .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(30))));
    managementService.executeJob(timer.getId());
    runJob(review, Elements.START_FOLLOW_UP);
    assertThat(review).hasPassed(Elements.END_FOLLOW_UP_STARTED).isEnded();
    assertThat(calls)
        .containsSubsequence("recordImprovementPlanDelegate", "startFollowUpReviewDelegate");
  }

  @Test
  @DisplayName("PROPOSE_TRANSITION: the transition is proposed and the review ends")
  void proposeTransition() {
    outcome = "PROPOSE_TRANSITION";
    ProcessInstance review = startFromLifecycle();
    holdQbr(review);
    runJob(review, Elements.PROPOSE_TRANSITION);
    assertThat(review).hasPassed(Elements.END_TRANSITION_PROPOSED).isEnded();
    assertThat(calls).contains("proposeTransitionDelegate");
  }

  @Test
  @DisplayName(
      "an improvement plan started on its own (after a rejected transition) begins at the plan task")
  void improvementPlanStartedOnItsOwn() {
    VariableMap variables = Variables.createVariables();
    REVIEW_ID.on(variables, "plan-1");
    VENDOR_ID.on(variables, VENDOR);
    RELATIONSHIP_MANAGER.on(variables, RM);
    OUTCOME.on(variables, "IMPROVEMENT_PLAN");
    ProcessInstance plan =
        runtimeService
            .createProcessInstanceByKey(PROCESS_KEY)
            .businessKey("plan-1")
            .setVariables(variables)
            .startBeforeActivity(Elements.AGREE_IMPROVEMENT_PLAN)
            .execute();
    assertThat(plan).isWaitingAtExactly(Elements.AGREE_IMPROVEMENT_PLAN);
    assertThat(task(plan, Elements.AGREE_IMPROVEMENT_PLAN).getAssignee()).isEqualTo(RM);
    taskService.complete(
        task(plan, Elements.AGREE_IMPROVEMENT_PLAN).getId(),
        Map.of(IMPROVEMENT_PLAN.name(), "Coach", IMPROVEMENT_TARGETS.name(), "CSAT 80"));
    runJob(plan, Elements.RECORD_IMPROVEMENT_PLAN);
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(plan.getId())
            .timers()
            .singleResult()
            .getId());
    runJob(plan, Elements.START_FOLLOW_UP);
    assertThat(plan).isEnded();
    assertThat(calls).doesNotContain("assembleReviewFactsDelegate");
  }
}
