package dev.steward.review;

import static dev.steward.platform.ProcessVariable.dateVariable;
import static dev.steward.platform.ProcessVariable.stringListVariable;
import static dev.steward.platform.ProcessVariable.stringVariable;

import dev.steward.platform.ProcessConventions;
import dev.steward.platform.ProcessVariable;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Everything the code knows about {@code processes/quarterly-review.bpmn} and {@code
 * processes/qbr-outcome.dmn}. Started by the vendor lifecycle (only {@code vendorId} in: the
 * quarter just ended is reviewed) or on demand (business key = review id, {@code reviewId} set).
 */
public final class QuarterlyReviewProcess {

  public static final String PROCESS_KEY = "QuarterlyReview";
  public static final String DECISION_KEY = "QbrOutcome";

  /** Element ids, as in the diagram. */
  public static final class Elements {
    public static final String START_EVENT = "StartEvent_ReviewDue";
    public static final String ASSEMBLE_FACTS = "Task_AssembleFacts";
    public static final String HOLD_QBR = "Task_HoldQbr";
    public static final String RECORD_OUTCOME = "Task_RecordQbrOutcome";
    public static final String GATEWAY_SPLIT = "Gateway_SplitQbrWork";
    public static final String GATEWAY_OUTCOME = "Gateway_QbrOutcome";
    public static final String RECOGNIZE_TEAM = "Task_RecognizeTeam";
    public static final String PUBLISH_RECOGNITION = "Task_PublishRecognitionNotice";
    public static final String END_RECOGNIZED = "EndEvent_TeamRecognized";
    public static final String END_CONTINUED = "EndEvent_ReviewContinued";
    public static final String AGREE_IMPROVEMENT_PLAN = "Task_AgreeImprovementPlan";
    public static final String RECORD_IMPROVEMENT_PLAN = "Task_RecordImprovementPlan";
    public static final String TIMER_FOLLOW_UP_DUE = "Timer_FollowUpDue";
    public static final String START_FOLLOW_UP = "Task_StartFollowUpReview";
    public static final String END_FOLLOW_UP_STARTED = "EndEvent_FollowUpStarted";
    public static final String PROPOSE_TRANSITION = "Task_ProposeTransition";
    public static final String END_TRANSITION_PROPOSED = "EndEvent_TransitionProposed";
    public static final String ACTION_ITEMS = "SubProcess_ActionItems";
    public static final String ACTION_ITEM_OPENED = "StartEvent_ActionItemOpened";
    public static final String COMPLETE_ACTION_ITEM = "Task_CompleteActionItem";
    public static final String TIMER_ACTION_ITEM_DUE = "Timer_ActionItemDue";
    public static final String SEND_ACTION_ITEM_REMINDER = "Task_SendActionItemReminder";
    public static final String END_REMINDER_SENT = "EndEvent_ReminderSent";
    public static final String CLOSE_ACTION_ITEM = "Task_CloseActionItem";
    public static final String END_ACTION_ITEM_DONE = "EndEvent_ActionItemDone";
    public static final String END_ACTION_ITEMS_DONE = "EndEvent_ActionItemsDone";

    private Elements() {}
  }

  /** Candidate groups the diagram routes work to. */
  public static final class Groups {
    public static final String RELATIONSHIP_MANAGERS = "relationship-managers";

    private Groups() {}
  }

  // set when the process starts (on demand) or by Task_AssembleFacts (from the lifecycle)
  public static final ProcessVariable<String> REVIEW_ID = stringVariable("reviewId");
  public static final ProcessVariable<String> VENDOR_ID = ProcessConventions.VENDOR_ID;

  // set by Task_AssembleFacts
  public static final ProcessVariable<String> RELATIONSHIP_MANAGER =
      stringVariable("relationshipManager");
  public static final ProcessVariable<String> PERIOD = stringVariable("period");

  /** RECOGNIZE, CONTINUE, IMPROVEMENT_PLAN or PROPOSE_TRANSITION (from the DMN table). */
  public static final ProcessVariable<String> OUTCOME = stringVariable("outcome");

  /** The facts summary the RM sees on the hold-QBR form. */
  public static final ProcessVariable<String> QBR_FACTS = stringVariable("qbrFacts");

  // the hold-QBR form
  public static final ProcessVariable<String> QBR_NOTES = stringVariable("qbrNotes");

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ProcessVariable<List<Map<String, Object>>> ACTION_ITEMS =
      new ProcessVariable<>("actionItems", (Class) List.class);

  /** Item fields of {@link #ACTION_ITEMS}. */
  public static final class ActionItemFields {
    public static final String TITLE = "title";
    public static final String OWNER = "owner";
    public static final String DUE_DATE = "dueDate";
    public static final String SEVERITY = "severity";

    private ActionItemFields() {}
  }

  /** The risk item ids of the action items: the multi-instance collection. */
  public static final ProcessVariable<List<String>> ACTION_ITEM_IDS =
      stringListVariable("actionItemIds");

  /** The multi-instance element variable, and the locals set for each action item. */
  public static final ProcessVariable<String> ACTION_ITEM_ID = stringVariable("actionItemId");

  public static final ProcessVariable<String> ACTION_ITEM_OWNER = stringVariable("actionItemOwner");
  public static final ProcessVariable<String> ACTION_ITEM_TITLE = stringVariable("actionItemTitle");
  public static final ProcessVariable<Date> ACTION_ITEM_DUE_AT = dateVariable("actionItemDueAt");

  // the recognition and improvement-plan forms
  public static final ProcessVariable<String> RECOGNITION_MESSAGE =
      stringVariable("recognitionMessage");
  public static final ProcessVariable<String> IMPROVEMENT_PLAN = stringVariable("improvementPlan");
  public static final ProcessVariable<String> IMPROVEMENT_TARGETS =
      stringVariable("improvementTargets");

  /** Set by Task_RecordImprovementPlan: when the follow-up review starts (30 days on). */
  public static final ProcessVariable<Date> FOLLOW_UP_DUE_AT = dateVariable("followUpDueAt");

  /** Set by {@code rememberReviewerListener} when a user task of this process completes. */
  public static final ProcessVariable<String> LAST_COMPLETED_BY =
      stringVariable("reviewLastCompletedBy");

  /** Set with {@link #LAST_COMPLETED_BY}: the completed task's id (the decision record's task). */
  public static final ProcessVariable<String> LAST_TASK_ID = stringVariable("reviewLastTaskId");

  private QuarterlyReviewProcess() {}
}
