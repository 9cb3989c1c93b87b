package dev.steward.transition;

import static dev.steward.platform.ProcessVariable.booleanVariable;
import static dev.steward.platform.ProcessVariable.dateVariable;
import static dev.steward.platform.ProcessVariable.stringVariable;

import dev.steward.platform.ProcessConventions;
import dev.steward.platform.ProcessVariable;
import java.util.Date;

/**
 * Everything the code knows about {@code processes/vendor-transition.bpmn}: its key, element ids,
 * groups and typed variables. The business key is the transition id; {@link #VENDOR_ID} is the
 * outgoing vendor. Only {@link TransitionService} starts it.
 */
public final class TransitionProcess {

  public static final String PROCESS_KEY = "VendorTransition";

  /** Values of the approval form's {@code approvalDecision} and of {@link #APPROVAL_OUTCOME}. */
  public static final String APPROVE = "APPROVE";

  public static final String REJECT = "REJECT";

  /** Values of the cut-over form's {@code cutOverDecision}. */
  public static final String CUT_OVER = "CUT_OVER";

  public static final String NOT_YET = "NOT_YET";

  /** Element ids, as in the diagram. */
  public static final class Elements {
    public static final String START_EVENT = "StartEvent_TransitionProposed";
    public static final String GATEWAY_PROPOSAL_COMPLETE = "Gateway_ProposalComplete";
    public static final String COMPLETE_PROPOSAL = "Task_CompleteProposal";
    public static final String STORE_PROPOSAL = "Task_StoreProposal";
    public static final String GATEWAY_PROPOSAL_READY = "Gateway_ProposalReady";
    public static final String FIRST_APPROVAL = "Task_FirstExecutiveApproval";
    public static final String RECORD_FIRST_APPROVAL = "Task_RecordFirstApproval";
    public static final String GATEWAY_FIRST_APPROVED = "Gateway_FirstApproved";
    public static final String SECOND_APPROVAL = "Task_SecondExecutiveApproval";
    public static final String RECORD_SECOND_APPROVAL = "Task_RecordSecondApproval";
    public static final String GATEWAY_SECOND_APPROVED = "Gateway_SecondApproved";
    public static final String ANNOUNCE_APPROVAL = "Task_AnnounceTransitionApproved";
    public static final String GATEWAY_PLAN_FORK = "Gateway_PlanTransition";
    public static final String KNOWLEDGE_TRANSFER = "Task_TransferKnowledge";
    public static final String CUSTOMER_COMMUNICATION = "Task_PlanCustomerCommunication";
    public static final String ACCESS_REVOCATION = "Task_PlanAccessRevocation";
    public static final String CONTRACT_NOTICE = "Task_GiveContractNotice";
    public static final String GATEWAY_PLAN_JOIN = "Gateway_TransitionPlanned";
    public static final String GATEWAY_SUCCESSOR_NAMED = "Gateway_SuccessorNamed";
    public static final String NAME_SUCCESSOR = "Task_NameSuccessor";
    public static final String STORE_SUCCESSOR = "Task_StoreSuccessor";
    public static final String GATEWAY_SUCCESSOR_READY = "Gateway_SuccessorReady";
    public static final String START_PARALLEL_RUN = "Task_StartParallelRun";
    public static final String GATEWAY_PARALLEL_RUN_SCHEDULED = "Gateway_ParallelRunScheduled";
    public static final String TIMER_PARALLEL_RUN_ENDED = "Timer_ParallelRunEnded";
    public static final String COMPARE_SCORECARDS = "Task_CompareScorecards";
    public static final String APPROVE_CUT_OVER = "Task_ApproveCutOver";
    public static final String RECORD_CUT_OVER_DECISION = "Task_RecordCutOverDecision";
    public static final String GATEWAY_CUT_OVER_APPROVED = "Gateway_CutOverApproved";
    public static final String CUT_OVER = "Task_CutOver";
    public static final String END_EVENT_COMPLETED = "EndEvent_TransitionCompleted";
    public static final String GATEWAY_REJECTED = "Gateway_Rejected";
    public static final String CLOSE_REJECTED = "Task_CloseRejectedTransition";
    public static final String END_EVENT_REJECTED = "EndEvent_TransitionRejected";

    private Elements() {}
  }

  /** Candidate groups the diagram routes work to. */
  public static final class Groups {
    public static final String RELATIONSHIP_MANAGERS = "relationship-managers";
    public static final String EXECUTIVES = "executives";

    private Groups() {}
  }

  // set at the start
  public static final ProcessVariable<String> VENDOR_ID = ProcessConventions.VENDOR_ID;
  public static final ProcessVariable<String> TRANSITION_ID = stringVariable("transitionId");
  public static final ProcessVariable<String> PROPOSED_BY = stringVariable("proposedBy");
  public static final ProcessVariable<String> RELATIONSHIP_MANAGER =
      stringVariable("relationshipManager");

  /** Whether the proposal already names a successor or asks for a new evaluation. */
  public static final ProcessVariable<Boolean> PROPOSAL_COMPLETE =
      booleanVariable("proposalComplete");

  /** The proposal as text, shown to the executives and recorded with their decisions. */
  public static final ProcessVariable<String> PROPOSAL = stringVariable("transitionProposal");

  /** Whether a successor is named (false while a new evaluation is to find one). */
  public static final ProcessVariable<Boolean> HAS_SUCCESSOR = booleanVariable("hasSuccessor");

  // set by the proposal form (a transition proposed by a quarterly review) and the successor form
  public static final ProcessVariable<String> SUCCESSOR_VENDOR_CODE =
      stringVariable("successorVendorCode");
  public static final ProcessVariable<Boolean> NEW_EVALUATION = booleanVariable("newEvaluation");
  public static final ProcessVariable<Number> PARALLEL_RUN_DAYS =
      new ProcessVariable<>("parallelRunDays", Number.class);

  // set by the approval form (both executives)
  public static final ProcessVariable<String> APPROVAL_DECISION =
      stringVariable("approvalDecision");
  public static final ProcessVariable<String> APPROVAL_REASON = stringVariable("approvalReason");

  /** Input parameter of the approval tasks and their recording steps: {@code 1} or {@code 2}. */
  public static final ProcessVariable<String> APPROVAL_STEP = stringVariable("approvalStep");

  /** Set by the approval-recording steps: {@value #APPROVE} or {@value #REJECT}. */
  public static final ProcessVariable<String> APPROVAL_OUTCOME = stringVariable("approvalOutcome");

  // the four plan tasks' checklists
  public static final ProcessVariable<Object> KNOWLEDGE_TRANSFERRED =
      new ProcessVariable<>("knowledgeTransferred", Object.class);
  public static final ProcessVariable<Object> CUSTOMER_COMMUNICATION_PLANNED =
      new ProcessVariable<>("customerCommunicationPlanned", Object.class);
  public static final ProcessVariable<Object> ACCESS_REVOCATION_PLANNED =
      new ProcessVariable<>("accessRevocationPlanned", Object.class);
  public static final ProcessVariable<Object> CONTRACT_NOTICE_GIVEN =
      new ProcessVariable<>("contractNoticeGiven", Object.class);

  /** When the parallel run ends (00:00 UTC after its last day); the timer fires then. */
  public static final ProcessVariable<Date> PARALLEL_RUN_ENDS_AT =
      dateVariable("parallelRunEndsAt");

  /** Both vendors' scorecards over the run, as text: shown to the executive deciding cut-over. */
  public static final ProcessVariable<String> COMPARISON = stringVariable("parallelRunComparison");

  // set by the cut-over form
  public static final ProcessVariable<String> CUT_OVER_DECISION = stringVariable("cutOverDecision");
  public static final ProcessVariable<String> CUT_OVER_REASON = stringVariable("cutOverReason");
  public static final ProcessVariable<Number> EXTENSION_DAYS =
      new ProcessVariable<>("extensionDays", Number.class);

  /** Set by {@code rememberTransitionCompleterListener}: who completed the last user task. */
  public static final ProcessVariable<String> LAST_COMPLETED_BY = stringVariable("lastCompletedBy");

  /** Set by {@code rememberTransitionCompleterListener}: the id of the last completed task. */
  public static final ProcessVariable<String> LAST_TASK_ID = stringVariable("lastTaskId");

  private TransitionProcess() {}
}
