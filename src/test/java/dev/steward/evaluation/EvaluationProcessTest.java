package dev.steward.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.steward.evaluation.EvaluationProcess.Elements;
import dev.steward.evaluation.EvaluationProcess.Groups;
import dev.steward.evaluation.EvaluationProcess.ScoreItem;
import dev.steward.platform.FieldError;
import dev.steward.platform.FlowNodeCoverage;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.ProcessTests;
import dev.steward.vendor.VendorLifecycleMessages;
import dev.steward.vendor.VendorLifecycleProcess;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Every path of {@code processes/vendor-evaluation.bpmn} on an in-memory engine: the thin delegates
 * and listeners are the real ones, the {@link EvaluationService} behind them is a mock. A test-only
 * {@code VendorLifecycle} stub waits for the selection messages, so the correlation to each
 * candidate's lifecycle is checked too.
 */
@Deployment(
    resources = {
      "processes/vendor-evaluation.bpmn",
      "processes/evaluation-confirm-bids.form",
      "processes/evaluation-score.form",
      "processes/evaluation-select.form",
      "evaluation/vendor-lifecycle-stub.bpmn"
    })
class EvaluationProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @RegisterExtension
  @Order(2)
  static FlowNodeCoverage coverage =
      FlowNodeCoverage.of(
          EvaluationProcess.PROCESS_KEY,
          "processes/vendor-evaluation.bpmn",
          extension::getProcessEngine);

  static final String ROUND = "round-2026-emea-de";
  static final String OWNER = "rachel";
  static final String ERIN = "erin";
  static final String QUINN = "quinn";
  static final String EXECUTIVE = "erin";
  static final String HANSA = "vendor-hansa";
  static final String NORDIC = "vendor-nordic";
  static final Date DUE = Date.from(Instant.parse("2030-06-20T16:00:00Z"));

  private final EvaluationService evaluations = mock(EvaluationService.class);
  private RuntimeService runtimeService;
  private TaskService taskService;
  private ManagementService managementService;

  @BeforeEach
  void setUp() {
    init(extension.getProcessEngine());
    runtimeService = extension.getRuntimeService();
    taskService = extension.getTaskService();
    managementService = extension.getManagementService();
    extension.setCurrentTime(Date.from(Instant.parse("2030-06-03T08:00:00Z")));

    when(evaluations.scoreSheet(ROUND)).thenReturn(sheet());
    when(evaluations.rank(ROUND))
        .thenReturn(
            new EvaluationService.Ranking(
                "1. HANSA-HH: 78.25\n2. NORDIC-BER: 71.50\n",
                List.of(option("HANSA-HH"), option("NORDIC-BER"))));
    when(evaluations.recordSelection(eq(ROUND), any(), anyString(), any()))
        .thenReturn(
            Optional.of(new EvaluationService.PilotSelection(List.of(HANSA), List.of(NORDIC))));

    Mocks.register(
        "rememberEvaluationCompleterListener", new RememberEvaluationCompleterListener());
    Mocks.register("closeBiddingListener", new CloseBiddingListener(evaluations));
    Mocks.register("prepareScoreSheetListener", new PrepareScoreSheetListener(evaluations));
    Mocks.register("recordScoresListener", new RecordScoresListener(evaluations));
    Mocks.register("rankCandidatesDelegate", new RankCandidatesDelegate(evaluations));
    Mocks.register("checkSelectionListener", new CheckSelectionListener(evaluations));
    Mocks.register(
        "recordSelectionDelegate",
        new RecordSelectionDelegate(
            evaluations, new LifecycleMessages(new VendorLifecycleMessages(runtimeService))));
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
      "bids confirmed, two evaluators score independently, ranked, the executive selects one: each lifecycle is told")
  void happyPath() throws IOException {
    ProcessInstance hansaLifecycle = lifecycle(HANSA);
    ProcessInstance nordicLifecycle = lifecycle(NORDIC);
    ProcessInstance round = openRound(DUE);

    assertThat(round).isStarted().hasBusinessKey(ROUND).isWaitingAtExactly(Elements.CONFIRM_BIDS);
    Task confirm = task(Elements.CONFIRM_BIDS, round);
    assertThat(confirm)
        .isAssignedTo(OWNER)
        .hasCandidateGroupAssociated(Groups.RELATIONSHIP_MANAGERS);
    assertThat(formKeyOf(confirm)).isEqualTo("Form_ConfirmBids");

    complete(confirm);

    verify(evaluations).closeBidding(ROUND, OWNER);
    assertThat(round).isWaitingAt(Elements.SCORE_CANDIDATES);
    List<Task> scoring = scoringTasks(round);
    assertThat(scoring).extracting(Task::getAssignee).containsExactlyInAnyOrder(ERIN, QUINN);
    assertThat(scoring).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(DUE));
    assertThat(formKeyOf(scoring.get(0))).isEqualTo("Form_ScoreCandidates");
    assertThat(deployedFormOf(scoring.get(0)))
        .contains("\"type\": \"dynamiclist\"", "\"path\": \"scores\"", "\"key\": \"rating\"");
    // each evaluator's sheet is a local variable of their own instance, prefilled
    for (Task t : scoring) {
      assertThat(taskService.getVariable(t.getId(), EvaluationProcess.SCORES.name()))
          .isEqualTo(sheet());
    }
    assertThat(runtimeService.getVariableLocal(round.getId(), EvaluationProcess.SCORES.name()))
        .as("no score sheet at process level")
        .isNull();

    Task erinsTask = scoringTaskOf(round, ERIN);
    Task quinnsTask = scoringTaskOf(round, QUINN);
    List<Map<String, Object>> erinsScores = rated(5, null);
    taskService.complete(erinsTask.getId(), scores(erinsScores));

    verify(evaluations).recordScores(ROUND, ERIN, erinsScores);
    assertThat(runtimeService.getVariable(round.getId(), EvaluationProcess.SCORES.name()))
        .as("erin's ratings are not a process variable")
        .isNull();
    assertThat(taskService.getVariable(quinnsTask.getId(), EvaluationProcess.SCORES.name()))
        .as("quinn sees only their own sheet")
        .isEqualTo(sheet());
    assertThat(round).isWaitingAt(Elements.SCORE_CANDIDATES);
    assertThat(scoringTasks(round)).extracting(Task::getAssignee).containsExactly(QUINN);

    List<Map<String, Object>> quinnsScores = rated(3, 4);
    taskService.complete(quinnsTask.getId(), scores(quinnsScores));

    verify(evaluations).recordScores(ROUND, QUINN, quinnsScores);
    assertThat(round).isWaitingAtExactly(Elements.RANK_CANDIDATES);
    verify(evaluations, never()).rank(anyString());
    Job ranking = asyncJob(round, Elements.RANK_CANDIDATES);
    assertThat(ranking).hasRetries(3);

    managementService.executeJob(ranking.getId());

    assertThat(round).isWaitingAtExactly(Elements.SELECT_FOR_PILOT);
    assertThat(round)
        .variables()
        .containsEntry(
            EvaluationProcess.RANKING_SUMMARY.name(), "1. HANSA-HH: 78.25\n2. NORDIC-BER: 71.50\n")
        .containsEntry(
            EvaluationProcess.CANDIDATE_OPTIONS.name(),
            List.of(option("HANSA-HH"), option("NORDIC-BER")));
    Task select = task(Elements.SELECT_FOR_PILOT, round);
    assertThat(select).isNotAssigned().hasCandidateGroup(Groups.EXECUTIVES);
    assertThat(candidateGroupsOf(select)).containsExactly(Groups.EXECUTIVES);
    assertThat(formKeyOf(select)).isEqualTo("Form_SelectForPilot");
    assertThat(deployedFormOf(select))
        .contains("{{rankingSummary}}", "\"valuesKey\": \"candidateOptions\"");

    taskService.setAssignee(select.getId(), EXECUTIVE);
    taskService.complete(
        select.getId(), selection("HANSA-HH", "Best total; strongest German team"));

    verify(evaluations).checkSelection(ROUND, "HANSA-HH");
    assertThat(round).isWaitingAtExactly(Elements.RECORD_SELECTION);
    managementService.executeJob(asyncJob(round, Elements.RECORD_SELECTION).getId());

    assertThat(round)
        .isEnded()
        .hasPassedInOrder(
            Elements.START_EVENT,
            Elements.CONFIRM_BIDS,
            Elements.SCORE_CANDIDATES,
            Elements.RANK_CANDIDATES,
            Elements.SELECT_FOR_PILOT,
            Elements.RECORD_SELECTION,
            Elements.END_EVENT);
    verify(evaluations)
        .recordSelection(ROUND, "HANSA-HH", "Best total; strongest German team", EXECUTIVE);
    // the selected vendor's lifecycle goes on to its pilot, the other one ends
    assertThat(hansaLifecycle).hasPassed("Event_SelectedForPilot").isWaitingAt("Task_Pilot");
    assertThat(hansaLifecycle)
        .variables()
        .containsEntry(
            VendorLifecycleProcess.SELECTION_REASON.name(), "Best total; strongest German team")
        .containsEntry(VendorLifecycleProcess.EVALUATION_ROUND_ID.name(), ROUND);
    assertThat(nordicLifecycle).isEnded().hasPassed("Event_NotSelected");
    assertThat(historicVariable(nordicLifecycle, VendorLifecycleProcess.EVALUATION_ROUND_ID.name()))
        .isEqualTo(ROUND);
  }

  @Test
  @DisplayName(
      "confirming while a bid is missing is refused with the service's 422; the task stays")
  void missingBidsRefuseTheConfirmation() {
    ProcessInstance round = openRound(null);
    InvalidDataException missing =
        new InvalidDataException(
            "Bids are missing for NORDIC-BER",
            List.of(FieldError.field("bids.NORDIC-BER", "no monthly price")));
    doThrow(missing).doNothing().when(evaluations).closeBidding(ROUND, OWNER);
    Task confirm = task(Elements.CONFIRM_BIDS, round);

    // the engine passes an execution listener's exception through unwrapped: the API maps it to 422
    assertThatThrownBy(() -> taskService.complete(confirm.getId())).isSameAs(missing);

    assertThat(round).isWaitingAtExactly(Elements.CONFIRM_BIDS);
    assertThat(task(Elements.CONFIRM_BIDS, round).getId()).isEqualTo(confirm.getId());
    verify(evaluations, never()).scoreSheet(anyString());

    complete(task(Elements.CONFIRM_BIDS, round));

    assertThat(round).isWaitingAt(Elements.SCORE_CANDIDATES);
    assertThat(scoringTasks(round))
        .as("without a due date the tasks have none")
        .allSatisfy(t -> assertThat(t.getDueDate()).isNull());
  }

  @Test
  @DisplayName("an incomplete score sheet is refused; the evaluator's task stays open")
  void invalidScoresRefuseTheCompletion() {
    ProcessInstance round = openRound(DUE);
    complete(task(Elements.CONFIRM_BIDS, round));
    Task erinsTask = scoringTaskOf(round, ERIN);
    List<Map<String, Object>> incomplete = List.of(sheet().get(0));
    InvalidDataException refused =
        new InvalidDataException(
            "The score sheet is incomplete", List.of(FieldError.field("scores", "no rating")));
    doThrow(refused).when(evaluations).recordScores(ROUND, ERIN, incomplete);

    assertThatThrownBy(() -> taskService.complete(erinsTask.getId(), scores(incomplete)))
        .isSameAs(refused);

    assertThat(taskService.createTaskQuery().taskId(erinsTask.getId()).count()).isEqualTo(1);
    assertThat(taskService.getVariable(erinsTask.getId(), EvaluationProcess.SCORES.name()))
        .as("the rejected sheet was rolled back")
        .isEqualTo(sheet());
    assertThat(scoringTasks(round)).hasSize(2);
  }

  @Test
  @DisplayName("a failing ranking is retried every 5 minutes; nothing waits on a broken ranking")
  void failedRankingIsRetried() {
    ProcessInstance round = scoredRound();
    when(evaluations.rank(ROUND))
        .thenThrow(new IllegalStateException("database unavailable"))
        .thenReturn(new EvaluationService.Ranking("1. HANSA-HH", List.of(option("HANSA-HH"))));
    String jobId = asyncJob(round, Elements.RANK_CANDIDATES).getId();

    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .hasMessageContaining("database unavailable");

    Job retried = asyncJob(round, Elements.RANK_CANDIDATES);
    assertThat(retried).hasRetries(2).hasDueDate(Date.from(Instant.parse("2030-06-03T08:05:00Z")));
    assertThat(round).isWaitingAtExactly(Elements.RANK_CANDIDATES);

    managementService.executeJob(retried.getId());

    assertThat(round).isWaitingAtExactly(Elements.SELECT_FOR_PILOT);
    verify(evaluations, times(2)).rank(ROUND);
  }

  @Test
  @DisplayName(
      "a selection naming a non-candidate is refused; selecting nobody tells every lifecycle no")
  void selectionOfNobody() {
    ProcessInstance hansaLifecycle = lifecycle(HANSA);
    ProcessInstance nordicLifecycle = lifecycle(NORDIC);
    ProcessInstance round = scoredRound();
    managementService.executeJob(asyncJob(round, Elements.RANK_CANDIDATES).getId());
    InvalidDataException unknown =
        new InvalidDataException(
            "not candidates", List.of(FieldError.field("selectedVendorCodes", "'ACME' is not")));
    doThrow(unknown).when(evaluations).checkSelection(ROUND, "ACME");
    String selectId = task(Elements.SELECT_FOR_PILOT, round).getId();

    assertThatThrownBy(() -> taskService.complete(selectId, selection("ACME", "cheapest")))
        .isSameAs(unknown);
    assertThat(round).isWaitingAtExactly(Elements.SELECT_FOR_PILOT);

    when(evaluations.recordSelection(eq(ROUND), any(), anyString(), any()))
        .thenReturn(
            Optional.of(new EvaluationService.PilotSelection(List.of(), List.of(HANSA, NORDIC))));
    taskService.complete(selectId, selection(null, "Neither meets the security bar"));
    managementService.executeJob(asyncJob(round, Elements.RECORD_SELECTION).getId());

    assertThat(round).isEnded();
    assertThat(hansaLifecycle).isEnded().hasPassed("Event_NotSelected");
    assertThat(nordicLifecycle).isEnded().hasPassed("Event_NotSelected");
  }

  @Test
  @DisplayName("a selection recorded already (a retried job) tells no lifecycle again")
  void recordedSelectionNotifiesNobodyTwice() {
    ProcessInstance hansaLifecycle = lifecycle(HANSA);
    ProcessInstance round = scoredRound();
    managementService.executeJob(asyncJob(round, Elements.RANK_CANDIDATES).getId());
    when(evaluations.recordSelection(eq(ROUND), any(), anyString(), any()))
        .thenReturn(Optional.empty());
    complete(task(Elements.SELECT_FOR_PILOT, round), selection("HANSA-HH", "Best total"));

    managementService.executeJob(asyncJob(round, Elements.RECORD_SELECTION).getId());

    assertThat(round).isEnded();
    assertThat(hansaLifecycle)
        .as("still waiting: nothing was correlated")
        .isWaitingAt("Gateway_EvaluationOutcome");
  }

  @Test
  @DisplayName("a candidate without a lifecycle instance does not fail the selection")
  void aCandidateWithoutLifecycleIsSkipped() {
    ProcessInstance round = scoredRound();
    managementService.executeJob(asyncJob(round, Elements.RANK_CANDIDATES).getId());
    complete(task(Elements.SELECT_FOR_PILOT, round), selection("HANSA-HH", "Best total"));

    managementService.executeJob(asyncJob(round, Elements.RECORD_SELECTION).getId());

    assertThat(round).isEnded().hasPassed(Elements.END_EVENT);
    assertThat(
            new LifecycleMessages(new VendorLifecycleMessages(runtimeService))
                .tell(
                    ROUND,
                    new EvaluationService.PilotSelection(List.of(HANSA), List.of(NORDIC)),
                    "again"))
        .isZero();
  }

  @Test
  @DisplayName("cancelling a round mid-scoring stores nothing and closes nothing")
  void cancellingTheRoundTriggersNoListenerWork() {
    ProcessInstance round = openRound(DUE);
    complete(task(Elements.CONFIRM_BIDS, round));

    runtimeService.deleteProcessInstance(round.getId(), "round withdrawn");

    assertThat(round).isEnded();
    verify(evaluations, never()).recordScores(anyString(), anyString(), any());
    verify(evaluations, times(1)).closeBidding(ROUND, OWNER);
  }

  // --- helpers

  private ProcessInstance openRound(Date dueAt) {
    VariableMap variables = Variables.createVariables();
    EvaluationProcess.ROUND_ID.on(variables, ROUND);
    EvaluationProcess.ROUND_OWNER.on(variables, OWNER);
    EvaluationProcess.EVALUATORS.on(variables, List.of(ERIN, QUINN));
    EvaluationProcess.DUE_AT.on(variables, dueAt);
    return runtimeService.startProcessInstanceByKey(
        EvaluationProcess.PROCESS_KEY, ROUND, variables);
  }

  /** A round whose evaluators have both submitted: waiting for the ranking job. */
  private ProcessInstance scoredRound() {
    ProcessInstance round = openRound(DUE);
    complete(task(Elements.CONFIRM_BIDS, round));
    taskService.complete(scoringTaskOf(round, ERIN).getId(), scores(rated(4, 4)));
    taskService.complete(scoringTaskOf(round, QUINN).getId(), scores(rated(2, null)));
    assertThat(round).isWaitingAtExactly(Elements.RANK_CANDIDATES);
    return round;
  }

  private ProcessInstance lifecycle(String vendorId) {
    return runtimeService.startProcessInstanceByKey(VendorLifecycleProcess.PROCESS_KEY, vendorId);
  }

  static List<Map<String, Object>> sheet() {
    List<Map<String, Object>> items = new ArrayList<>();
    for (String code : List.of("HANSA-HH", "NORDIC-BER")) {
      items.add(item(code, "technology", null, false));
    }
    return items;
  }

  private static List<Map<String, Object>> rated(Integer hansa, Integer nordic) {
    return List.of(
        item("HANSA-HH", "technology", hansa, hansa == null),
        item("NORDIC-BER", "technology", nordic, nordic == null));
  }

  private static Map<String, Object> item(
      String code, String criterion, Integer rating, boolean skipped) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put(ScoreItem.VENDOR_CODE, code);
    item.put(ScoreItem.VENDOR_NAME, "Vendor " + code);
    item.put(ScoreItem.CRITERION, criterion);
    item.put(ScoreItem.CRITERION_NAME, "Technology");
    item.put(ScoreItem.RATING, rating);
    item.put(ScoreItem.SKIPPED, skipped);
    return item;
  }

  private static Map<String, Object> option(String code) {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("label", code);
    option.put("value", code);
    return option;
  }

  private static Map<String, Object> scores(List<Map<String, Object>> items) {
    VariableMap variables = Variables.createVariables();
    EvaluationProcess.SCORES.on(variables, items);
    return variables;
  }

  private static Map<String, Object> selection(String codes, String reason) {
    VariableMap variables = Variables.createVariables();
    EvaluationProcess.SELECTED_VENDOR_CODES.on(variables, codes);
    EvaluationProcess.SELECTION_REASON.on(variables, reason);
    return variables;
  }

  private List<Task> scoringTasks(ProcessInstance round) {
    return taskService
        .createTaskQuery()
        .processInstanceId(round.getId())
        .taskDefinitionKey(Elements.SCORE_CANDIDATES)
        .list();
  }

  private Task scoringTaskOf(ProcessInstance round, String evaluator) {
    return taskService
        .createTaskQuery()
        .processInstanceId(round.getId())
        .taskDefinitionKey(Elements.SCORE_CANDIDATES)
        .taskAssignee(evaluator)
        .singleResult();
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

  private Object historicVariable(ProcessInstance instance, String name) {
    return ProcessTests.historicVariable(extension.getProcessEngine(), instance, name);
  }
}
