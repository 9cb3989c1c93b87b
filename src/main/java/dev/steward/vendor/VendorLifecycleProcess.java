package dev.steward.vendor;

import static dev.steward.platform.ProcessVariable.stringVariable;

import dev.steward.platform.ProcessVariable;

/**
 * What other slices may know about {@code processes/vendor-lifecycle.bpmn}, the parent process per
 * vendor (business key = vendor id): its key and the messages it waits for.
 */
public final class VendorLifecycleProcess {

  public static final String PROCESS_KEY = "VendorLifecycle";

  /**
   * Correlated when the vendor's transition to a successor is complete: ends the operating phase.
   */
  public static final String MSG_OFFBOARDED = "Msg_VendorOffboarded";

  /** Element ids, as in the diagram. */
  public static final class Elements {
    public static final String START_EVENT = "StartEvent_VendorRegistered";
    public static final String GATEWAY_ENTRY_PHASE = "Gateway_EntryPhase";
    public static final String GATEWAY_AWAIT_SELECTION = "Gateway_AwaitSelection";
    public static final String EVENT_NOT_SELECTED = "Event_VendorNotSelected";
    public static final String EVENT_SELECTED_FOR_PILOT = "Event_VendorSelectedForPilot";
    public static final String RECORD_NOT_SELECTED = "Task_RecordNotSelected";
    public static final String END_EVENT_NOT_SELECTED = "EndEvent_VendorNotSelected";
    public static final String ENTER_PILOT_PHASE = "Task_EnterPilotPhase";
    public static final String PILOT = "CallActivity_Pilot";
    public static final String GATEWAY_PILOT_SUCCESSFUL = "Gateway_PilotSuccessful";
    public static final String RECORD_PILOT_REJECTED = "Task_RecordPilotRejected";
    public static final String END_EVENT_PILOT_REJECTED = "EndEvent_PilotRejected";
    public static final String ENTER_ONBOARDING_PHASE = "Task_EnterOnboardingPhase";
    public static final String ONBOARDING = "CallActivity_Onboarding";
    public static final String ENTER_TRAINING_PHASE = "Task_EnterTrainingPhase";
    public static final String TRAINING = "CallActivity_Training";
    public static final String ENTER_OPERATING_PHASE = "Task_EnterOperatingPhase";
    public static final String SCHEDULE_OPERATING_RHYTHM = "Task_ScheduleOperatingRhythm";
    public static final String OPERATING = "SubProcess_Operating";
    public static final String AWAIT_OFFBOARDING = "Task_AwaitOffboarding";
    public static final String QA_CYCLE_DUE = "StartEvent_QaCycleDue";
    public static final String QA_CYCLE = "CallActivity_QaCycle";
    public static final String VENDOR_SYNC_DUE = "StartEvent_VendorSyncDue";
    public static final String PREPARE_VENDOR_SYNC = "Task_PrepareVendorSync";
    public static final String HOLD_VENDOR_SYNC = "Task_HoldVendorSync";
    public static final String QUARTERLY_REVIEW_DUE = "StartEvent_QuarterlyReviewDue";
    public static final String QUARTERLY_REVIEW = "CallActivity_QuarterlyReview";
    public static final String TRANSITION_APPROVED = "StartEvent_TransitionApproved";
    public static final String ENTER_TRANSITION_PHASE = "Task_EnterTransitionPhase";
    public static final String ENTER_OFFBOARDED_PHASE = "Task_EnterOffboardedPhase";
    public static final String END_EVENT_OFFBOARDED = "EndEvent_VendorOffboarded";

    private Elements() {}
  }

  /** Keys of the processes the lifecycle calls. */
  public static final class Called {
    public static final String PILOT = "VendorPilot";
    public static final String ONBOARDING = "VendorOnboarding";
    public static final String TRAINING = "AgentTraining";
    public static final String QA_CYCLE = "QaCycle";
    public static final String QUARTERLY_REVIEW = "QuarterlyReview";

    private Called() {}
  }

  /**
   * Correlated by the vendor's transition once two executives approved it: the vendor enters the
   * TRANSITION phase (operating work goes on until the cut-over, which sends {@link
   * #MSG_OFFBOARDED}).
   */
  public static final String MSG_TRANSITION_APPROVED = "Msg_TransitionApproved";

  /** Correlated by an evaluation round to each vendor the executive selected for a pilot. */
  public static final String MSG_SELECTED_FOR_PILOT = "Msg_VendorSelectedForPilot";

  /** Correlated by an evaluation round to each candidate it did not select. */
  public static final String MSG_NOT_SELECTED = "Msg_VendorNotSelected";

  /** The phase a vendor enters Steward in (a brand adopting Steward has running vendors). */
  public static final ProcessVariable<String> ENTRY_PHASE = stringVariable("entryPhase");

  /** Why the executive selected or did not select the vendor, sent with the messages above. */
  public static final ProcessVariable<String> SELECTION_REASON = stringVariable("selectionReason");

  /** Id of the evaluation round that decided, sent with the messages above. */
  public static final ProcessVariable<String> EVALUATION_ROUND_ID =
      stringVariable("evaluationRoundId");

  /** The phase a phase-recording service task enters (its input parameter). */
  static final ProcessVariable<String> PHASE = stringVariable("phase");

  /** Returned by the pilot: {@code GO} or {@code NO_GO}. */
  public static final ProcessVariable<String> PILOT_OUTCOME = stringVariable("pilotOutcome");

  public static final String PILOT_GO = "GO";
  public static final String PILOT_NO_GO = "NO_GO";

  /** Returned by onboarding: WEEKLY, BIWEEKLY or MONTHLY; WEEKLY when unknown. */
  public static final ProcessVariable<String> SYNC_CADENCE = stringVariable("syncCadence");

  /** Returned by onboarding and passed to the first training cohort as {@code agents}. */
  public static final ProcessVariable<java.util.List<String>> APPROVED_AGENTS =
      ProcessVariable.stringListVariable("approvedAgents");

  /** ISO 8601 repeating interval of the QA cycle timer, set on entering the operating phase. */
  public static final ProcessVariable<String> QA_CYCLE_SCHEDULE = stringVariable("qaCycleSchedule");

  /** ISO 8601 repeating interval of the quarterly review timer. */
  public static final ProcessVariable<String> QBR_SCHEDULE = stringVariable("qbrSchedule");

  /** ISO 8601 repeating interval of the sync meeting timer. */
  public static final ProcessVariable<String> SYNC_SCHEDULE = stringVariable("syncSchedule");

  /** The vendor's relationship manager when the operating phase began (sync meetings). */
  public static final ProcessVariable<String> RELATIONSHIP_MANAGER =
      stringVariable("relationshipManager");

  private VendorLifecycleProcess() {}
}
