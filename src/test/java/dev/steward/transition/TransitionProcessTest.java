package dev.steward.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.steward.platform.ConflictException;
import dev.steward.platform.FlowNodeCoverage;
import dev.steward.platform.InvalidDataException;
import dev.steward.transition.TransitionProcess.Elements;
import dev.steward.transition.TransitionProcess.Groups;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
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
 * Every path of {@code processes/vendor-transition.bpmn} on an in-memory engine: the thin delegates
 * and listeners are the real ones, the {@link TransitionService} behind them a mock. Timers and
 * async jobs are executed explicitly.
 */
@Deployment(
    resources = {
      "processes/vendor-transition.bpmn",
      "processes/transition-proposal.form",
      "processes/transition-approve.form",
      "processes/transition-knowledge-transfer.form",
      "processes/transition-customer-communication.form",
      "processes/transition-access-revocation.form",
      "processes/transition-contract-notice.form",
      "processes/transition-name-successor.form",
      "processes/transition-cut-over.form"
    })
class TransitionProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @RegisterExtension
  @Order(2)
  static FlowNodeCoverage coverage =
      FlowNodeCoverage.of(
          TransitionProcess.PROCESS_KEY,
          "processes/vendor-transition.bpmn",
          extension::getProcessEngine);

  static final String TRANSITION = "transition-1";
  static final String VENDOR = "vendor-fjord";
  static final String RM = "rachel";
  static final String ERIN = "erin";
  static final String VICTOR = "victor";
  static final String PROPOSAL = "Transition of FJORD-OSL: CSAT below target for 3 quarters";
  static final String COMPARISON = "| csat | 70 | 88 |";
  static final Instant NOW = Instant.parse("2030-03-01T09:00:00Z");
  static final Instant RUN_ENDS = Instant.parse("2030-03-31T00:00:00Z");
  static final Instant EXTENDED = Instant.parse("2030-04-14T00:00:00Z");

  private final TransitionService transitions = mock(TransitionService.class);
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

    when(transitions.recordApproval(
            eq(TRANSITION), anyInt(), anyString(), any(), any(), any(), any(), any()))
        .thenAnswer(call -> call.getArgument(2));
    when(transitions.startParallelRun(TRANSITION)).thenReturn(RUN_ENDS);
    when(transitions.compare(TRANSITION)).thenReturn(COMPARISON);
    when(transitions.recordCutOverDecision(
            eq(TRANSITION), anyString(), any(), any(), any(), any(), any(), any()))
        .thenReturn(Optional.empty());
    when(transitions.completeProposal(eq(TRANSITION), any(), any(), any(), any()))
        .thenReturn(new TransitionService.Proposal(true, PROPOSAL + " (ACME-MNL)"));

    Mocks.register(
        "rememberTransitionCompleterListener", new RememberTransitionCompleterListener());
    Mocks.register(
        "checkTransitionApproverListener", new CheckTransitionApproverListener(transitions));
    Mocks.register("checkTransitionChecklistListener", new CheckTransitionChecklistListener());
    Mocks.register(
        "storeTransitionProposalDelegate", new StoreTransitionProposalDelegate(transitions));
    Mocks.register(
        "recordTransitionApprovalDelegate", new RecordTransitionApprovalDelegate(transitions));
    Mocks.register(
        "closeRejectedTransitionDelegate", new CloseRejectedTransitionDelegate(transitions));
    Mocks.register(
        "announceTransitionApprovedDelegate", new AnnounceTransitionApprovedDelegate(transitions));
    Mocks.register(
        "storeTransitionSuccessorDelegate", new StoreTransitionSuccessorDelegate(transitions));
    Mocks.register("startParallelRunDelegate", new StartParallelRunDelegate(transitions));
    Mocks.register(
        "compareTransitionScorecardsDelegate",
        new CompareTransitionScorecardsDelegate(transitions));
    Mocks.register("recordCutOverDecisionDelegate", new RecordCutOverDecisionDelegate(transitions));
    Mocks.register("cutOverTransitionDelegate", new CutOverTransitionDelegate(transitions));
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
      "approved by two executives, planned, the parallel-run timer fires, compared, cut over")
  void approvedApprovedCutOver() throws IOException {
    ProcessInstance transition = start(true, true);

    assertThat(transition)
        .hasBusinessKey(TRANSITION)
        .hasPassedInOrder(Elements.START_EVENT, Elements.GATEWAY_PROPOSAL_COMPLETE)
        .hasNotPassed(Elements.COMPLETE_PROPOSAL)
        .isWaitingAtExactly(Elements.FIRST_APPROVAL);
    Task first = task(Elements.FIRST_APPROVAL, transition);
    assertThat(first).isNotAssigned().hasCandidateGroup(Groups.EXECUTIVES);
    assertThat(formKeyOf(first)).isEqualTo("Form_ApproveTransition");
    assertThat(deployedFormOf(first))
        .contains("{{transitionProposal}}", "\"key\": \"approvalDecision\"");

    decide(first, ERIN, TransitionProcess.APPROVE, "Three quarters below target");

    verify(transitions).checkApprover(TRANSITION, 1, ERIN);
    verify(transitions)
        .recordApproval(
            TRANSITION,
            1,
            TransitionProcess.APPROVE,
            "Three quarters below target",
            ERIN,
            PROPOSAL,
            transition.getId(),
            first.getId());
    assertThat(transition)
        .hasPassedInOrder(
            Elements.FIRST_APPROVAL,
            Elements.RECORD_FIRST_APPROVAL,
            Elements.GATEWAY_FIRST_APPROVED)
        .isWaitingAtExactly(Elements.SECOND_APPROVAL);
    Task second = task(Elements.SECOND_APPROVAL, transition);
    assertThat(second).isNotAssigned().hasCandidateGroup(Groups.EXECUTIVES);

    decide(second, VICTOR, TransitionProcess.APPROVE, "Agreed");

    verify(transitions).checkApprover(TRANSITION, 2, VICTOR);
    verify(transitions)
        .recordApproval(
            eq(TRANSITION),
            eq(2),
            eq(TransitionProcess.APPROVE),
            eq("Agreed"),
            eq(VICTOR),
            eq(PROPOSAL),
            eq(transition.getId()),
            eq(second.getId()));
    // the lifecycle is told asynchronously, after the approval committed
    assertThat(transition).isWaitingAtExactly(Elements.ANNOUNCE_APPROVAL);
    verify(transitions, never()).announceApproved(anyString());
    Job announce = asyncJob(transition, Elements.ANNOUNCE_APPROVAL);
    assertThat(announce).hasRetries(3);
    managementService.executeJob(announce.getId());
    verify(transitions).announceApproved(TRANSITION);

    assertThat(transition)
        .isWaitingAtExactly(
            Elements.KNOWLEDGE_TRANSFER,
            Elements.CUSTOMER_COMMUNICATION,
            Elements.ACCESS_REVOCATION,
            Elements.CONTRACT_NOTICE);
    Task knowledge = task(Elements.KNOWLEDGE_TRANSFER, transition);
    assertThat(knowledge)
        .isAssignedTo(RM)
        .hasCandidateGroupAssociated(Groups.RELATIONSHIP_MANAGERS);
    completePlan(transition);

    assertThat(transition)
        .hasPassedInOrder(
            Elements.GATEWAY_PLAN_JOIN,
            Elements.GATEWAY_SUCCESSOR_NAMED,
            Elements.GATEWAY_SUCCESSOR_READY,
            Elements.START_PARALLEL_RUN)
        .hasNotPassed(Elements.NAME_SUCCESSOR)
        .isWaitingAtExactly(Elements.TIMER_PARALLEL_RUN_ENDED);
    Job timer = timer(transition);
    assertThat(timer).hasDueDate(Date.from(RUN_ENDS));
    verify(transitions, never()).compare(anyString());

    managementService.executeJob(timer.getId());
    assertThat(transition).isWaitingAtExactly(Elements.COMPARE_SCORECARDS);
    managementService.executeJob(asyncJob(transition, Elements.COMPARE_SCORECARDS).getId());

    assertThat(transition).isWaitingAtExactly(Elements.APPROVE_CUT_OVER);
    assertThat(transition)
        .variables()
        .containsEntry(TransitionProcess.COMPARISON.name(), COMPARISON);
    Task cutOver = task(Elements.APPROVE_CUT_OVER, transition);
    assertThat(cutOver).isNotAssigned().hasCandidateGroup(Groups.EXECUTIVES);
    assertThat(deployedFormOf(cutOver)).contains("{{parallelRunComparison}}", "NOT_YET");

    cutOver(cutOver, ERIN, TransitionProcess.CUT_OVER, null);

    verify(transitions)
        .recordCutOverDecision(
            TRANSITION,
            TransitionProcess.CUT_OVER,
            "Successor ahead",
            null,
            ERIN,
            COMPARISON,
            transition.getId(),
            cutOver.getId());
    assertThat(transition).isWaitingAtExactly(Elements.CUT_OVER);
    verify(transitions, never()).cutOver(anyString());
    managementService.executeJob(asyncJob(transition, Elements.CUT_OVER).getId());

    verify(transitions).cutOver(TRANSITION);
    assertThat(transition)
        .isEnded()
        .hasPassedInOrder(
            Elements.GATEWAY_CUT_OVER_APPROVED, Elements.CUT_OVER, Elements.END_EVENT_COMPLETED)
        .hasNotPassed(Elements.END_EVENT_REJECTED, Elements.CLOSE_REJECTED);
  }

  @Test
  @DisplayName("the first executive rejects: back to the improvement plan, no second approval")
  void rejectedByTheFirstExecutive() {
    ProcessInstance transition = start(true, true);

    decide(
        task(Elements.FIRST_APPROVAL, transition),
        ERIN,
        TransitionProcess.REJECT,
        "Give the improvement plan another quarter");

    verify(transitions).closeRejected(TRANSITION);
    assertThat(transition)
        .isEnded()
        .hasPassedInOrder(
            Elements.GATEWAY_FIRST_APPROVED,
            Elements.GATEWAY_REJECTED,
            Elements.CLOSE_REJECTED,
            Elements.END_EVENT_REJECTED)
        .hasNotPassed(Elements.SECOND_APPROVAL, Elements.ANNOUNCE_APPROVAL);
    verify(transitions, never()).announceApproved(anyString());
  }

  @Test
  @DisplayName("the second executive rejects: back to the improvement plan, the lifecycle untold")
  void rejectedByTheSecondExecutive() {
    ProcessInstance transition = start(true, true);
    decide(task(Elements.FIRST_APPROVAL, transition), ERIN, TransitionProcess.APPROVE, "Yes");

    decide(task(Elements.SECOND_APPROVAL, transition), VICTOR, TransitionProcess.REJECT, "No");

    verify(transitions).closeRejected(TRANSITION);
    assertThat(transition)
        .isEnded()
        .hasPassedInOrder(
            Elements.RECORD_SECOND_APPROVAL,
            Elements.GATEWAY_SECOND_APPROVED,
            Elements.GATEWAY_REJECTED,
            Elements.END_EVENT_REJECTED)
        .hasNotPassed(Elements.ANNOUNCE_APPROVAL);
    verify(transitions, never()).announceApproved(anyString());
  }

  @Test
  @DisplayName("four-eyes: a refusal by the approver check leaves the task open, nothing recorded")
  void aRefusedApproverLeavesTheTaskOpen() {
    ProcessInstance transition = start(true, true);
    decide(task(Elements.FIRST_APPROVAL, transition), ERIN, TransitionProcess.APPROVE, "Yes");
    ConflictException twice = new ConflictException("erin gave the first approval");
    doThrow(twice).when(transitions).checkApprover(TRANSITION, 2, ERIN);
    Task second = task(Elements.SECOND_APPROVAL, transition);

    assertThatThrownBy(() -> decide(second, ERIN, TransitionProcess.APPROVE, "Again"))
        .rootCause()
        .isSameAs(twice);

    assertThat(transition).isWaitingAtExactly(Elements.SECOND_APPROVAL);
    verify(transitions, never())
        .recordApproval(eq(TRANSITION), eq(2), any(), any(), any(), any(), any(), any());
    taskService.setAssignee(second.getId(), null);

    decide(second, VICTOR, TransitionProcess.APPROVE, "Agreed");

    assertThat(transition).isWaitingAtExactly(Elements.ANNOUNCE_APPROVAL);
  }

  @Test
  @DisplayName("a plan task completes only with its whole checklist ticked (422 otherwise)")
  void anIncompleteChecklistIsRefused() {
    ProcessInstance transition = approvedTransition(true, true);
    String contract = task(Elements.CONTRACT_NOTICE, transition).getId();
    VariableMap partial = Variables.createVariables();
    TransitionProcess.CONTRACT_NOTICE_GIVEN.on(partial, "NOTICE_SENT");

    assertThatThrownBy(() -> taskService.complete(contract, partial))
        .rootCause()
        .isInstanceOfSatisfying(
            InvalidDataException.class,
            refused ->
                assertThat(refused.errors())
                    .singleElement()
                    .satisfies(
                        error -> {
                          assertThat(error.field()).isEqualTo("contractNoticeGiven");
                          assertThat(error.message())
                              .contains("EXIT_TERMS_CONFIRMED, FINAL_INVOICE_AGREED");
                        }));

    assertThat(transition).isWaitingAt(Elements.CONTRACT_NOTICE);
  }

  @Test
  @DisplayName("not yet: the run is extended, the timer waits again, then the cut-over")
  void cutOverExtendedThenApproved() {
    ProcessInstance transition = approvedTransition(true, true);
    completePlan(transition);
    managementService.executeJob(timer(transition).getId());
    managementService.executeJob(asyncJob(transition, Elements.COMPARE_SCORECARDS).getId());
    when(transitions.recordCutOverDecision(
            eq(TRANSITION),
            eq(TransitionProcess.NOT_YET),
            any(),
            any(),
            any(),
            any(),
            any(),
            any()))
        .thenReturn(Optional.of(EXTENDED));

    cutOver(task(Elements.APPROVE_CUT_OVER, transition), ERIN, TransitionProcess.NOT_YET, 14L);

    verify(transitions)
        .recordCutOverDecision(
            eq(TRANSITION),
            eq(TransitionProcess.NOT_YET),
            eq("Successor ahead"),
            eq(14L),
            eq(ERIN),
            eq(COMPARISON),
            any(),
            any());
    assertThat(transition)
        .hasPassed(Elements.GATEWAY_CUT_OVER_APPROVED, Elements.GATEWAY_PARALLEL_RUN_SCHEDULED)
        .isWaitingAtExactly(Elements.TIMER_PARALLEL_RUN_ENDED);
    assertThat(timer(transition)).hasDueDate(Date.from(EXTENDED));
    verify(transitions, never()).cutOver(anyString());

    managementService.executeJob(timer(transition).getId());
    managementService.executeJob(asyncJob(transition, Elements.COMPARE_SCORECARDS).getId());
    verify(transitions, times(2)).compare(TRANSITION);
    cutOver(task(Elements.APPROVE_CUT_OVER, transition), VICTOR, TransitionProcess.CUT_OVER, null);
    managementService.executeJob(asyncJob(transition, Elements.CUT_OVER).getId());

    verify(transitions).cutOver(TRANSITION);
    assertThat(transition).isEnded().hasPassed(Elements.END_EVENT_COMPLETED);
  }

  @Test
  @DisplayName("new evaluation: the parallel run waits until the RM names the successor")
  void newEvaluationWaitsForTheSuccessor() {
    ProcessInstance transition = approvedTransition(true, false);
    completePlan(transition);

    assertThat(transition)
        .hasPassed(Elements.GATEWAY_SUCCESSOR_NAMED)
        .isWaitingAtExactly(Elements.NAME_SUCCESSOR);
    Task name = task(Elements.NAME_SUCCESSOR, transition);
    assertThat(name).isAssignedTo(RM).hasCandidateGroupAssociated(Groups.RELATIONSHIP_MANAGERS);
    verify(transitions, never()).startParallelRun(anyString());
    InvalidDataException unknown =
        InvalidDataException.of("successorVendorCode", "no vendor has code 'NOPE'");
    doThrow(unknown).when(transitions).nameSuccessor(TRANSITION, "NOPE", RM);

    assertThatThrownBy(() -> taskService.complete(name.getId(), successor("NOPE")))
        .isSameAs(unknown);
    assertThat(transition).isWaitingAtExactly(Elements.NAME_SUCCESSOR);

    taskService.complete(name.getId(), successor("ACME-MNL"));

    verify(transitions).nameSuccessor(TRANSITION, "ACME-MNL", RM);
    assertThat(transition)
        .hasPassedInOrder(
            Elements.NAME_SUCCESSOR,
            Elements.STORE_SUCCESSOR,
            Elements.GATEWAY_SUCCESSOR_READY,
            Elements.START_PARALLEL_RUN)
        .isWaitingAtExactly(Elements.TIMER_PARALLEL_RUN_ENDED);
    assertThat(transition).variables().containsEntry(TransitionProcess.HAS_SUCCESSOR.name(), true);
  }

  @Test
  @DisplayName(
      "proposed by a quarterly review: the RM first names the successor or a new evaluation")
  void proposedByAReviewTheRmCompletesTheProposal() throws IOException {
    ProcessInstance transition = start(false, false);

    assertThat(transition)
        .hasPassed(Elements.GATEWAY_PROPOSAL_COMPLETE)
        .isWaitingAtExactly(Elements.COMPLETE_PROPOSAL);
    Task complete = task(Elements.COMPLETE_PROPOSAL, transition);
    assertThat(complete).isAssignedTo(RM).hasCandidateGroupAssociated(Groups.RELATIONSHIP_MANAGERS);
    assertThat(deployedFormOf(complete))
        .contains("\"key\": \"successorVendorCode\"", "\"key\": \"parallelRunDays\"");
    VariableMap answer = Variables.createVariables();
    TransitionProcess.SUCCESSOR_VENDOR_CODE.on(answer, "ACME-MNL");
    TransitionProcess.PARALLEL_RUN_DAYS.on(answer, 45L);

    taskService.complete(complete.getId(), answer);

    verify(transitions).completeProposal(TRANSITION, "ACME-MNL", null, 45L, RM);
    assertThat(transition)
        .hasPassedInOrder(
            Elements.COMPLETE_PROPOSAL, Elements.STORE_PROPOSAL, Elements.GATEWAY_PROPOSAL_READY)
        .isWaitingAtExactly(Elements.FIRST_APPROVAL);
    assertThat(transition)
        .variables()
        .containsEntry(TransitionProcess.PROPOSAL.name(), PROPOSAL + " (ACME-MNL)")
        .containsEntry(TransitionProcess.HAS_SUCCESSOR.name(), true);
  }

  // --- helpers

  private ProcessInstance start(boolean proposalComplete, boolean hasSuccessor) {
    VariableMap variables = Variables.createVariables();
    TransitionProcess.VENDOR_ID.on(variables, VENDOR);
    TransitionProcess.TRANSITION_ID.on(variables, TRANSITION);
    TransitionProcess.PROPOSED_BY.on(variables, RM);
    TransitionProcess.RELATIONSHIP_MANAGER.on(variables, RM);
    TransitionProcess.PROPOSAL_COMPLETE.on(variables, proposalComplete);
    TransitionProcess.HAS_SUCCESSOR.on(variables, hasSuccessor);
    TransitionProcess.PROPOSAL.on(variables, PROPOSAL);
    return runtimeService.startProcessInstanceByKey(
        TransitionProcess.PROCESS_KEY, TRANSITION, variables);
  }

  private ProcessInstance approvedTransition(boolean proposalComplete, boolean hasSuccessor) {
    ProcessInstance transition = start(proposalComplete, hasSuccessor);
    decide(task(Elements.FIRST_APPROVAL, transition), ERIN, TransitionProcess.APPROVE, "Yes");
    decide(task(Elements.SECOND_APPROVAL, transition), VICTOR, TransitionProcess.APPROVE, "Yes");
    managementService.executeJob(asyncJob(transition, Elements.ANNOUNCE_APPROVAL).getId());
    return transition;
  }

  private void decide(Task task, String executive, String decision, String reason) {
    taskService.setAssignee(task.getId(), executive);
    VariableMap variables = Variables.createVariables();
    TransitionProcess.APPROVAL_DECISION.on(variables, decision);
    TransitionProcess.APPROVAL_REASON.on(variables, reason);
    taskService.complete(task.getId(), variables);
  }

  private void cutOver(Task task, String executive, String decision, Long extensionDays) {
    taskService.setAssignee(task.getId(), executive);
    VariableMap variables = Variables.createVariables();
    TransitionProcess.CUT_OVER_DECISION.on(variables, decision);
    TransitionProcess.CUT_OVER_REASON.on(variables, "Successor ahead");
    TransitionProcess.EXTENSION_DAYS.on(variables, extensionDays);
    taskService.complete(task.getId(), variables);
  }

  private void completePlan(ProcessInstance transition) {
    CheckTransitionChecklistListener.CHECKLISTS.forEach(
        (taskKey, checklist) -> {
          VariableMap variables = Variables.createVariables();
          checklist.field().on(variables, String.join(",", checklist.items()));
          taskService.complete(task(taskKey, transition).getId(), variables);
        });
  }

  private static Map<String, Object> successor(String code) {
    VariableMap variables = Variables.createVariables();
    TransitionProcess.SUCCESSOR_VENDOR_CODE.on(variables, code);
    return variables;
  }

  private Job timer(ProcessInstance transition) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(transition.getId())
            .timers()
            .activityId(Elements.TIMER_PARALLEL_RUN_ENDED)
            .singleResult();
    assertThat(job).as("parallel-run timer").isNotNull();
    return job;
  }

  private Job asyncJob(ProcessInstance transition, String activityId) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(transition.getId())
            .messages()
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("async job of " + activityId).isNotNull();
    return job;
  }

  private String formKeyOf(Task task) {
    Task withFormKey =
        taskService.createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult();
    assertThat(withFormKey.getCamundaFormRef().getBinding()).isEqualTo("latest");
    return withFormKey.getCamundaFormRef().getKey();
  }

  private String deployedFormOf(Task task) throws IOException {
    try (InputStream form = extension.getFormService().getDeployedTaskForm(task.getId())) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
