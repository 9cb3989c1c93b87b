package dev.steward.qa;

import static dev.steward.platform.ProcessVariable.booleanVariable;
import static dev.steward.platform.ProcessVariable.dateVariable;
import static dev.steward.platform.ProcessVariable.stringListVariable;
import static dev.steward.platform.ProcessVariable.stringVariable;

import dev.steward.platform.ProcessConventions;
import dev.steward.platform.ProcessVariable;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Everything the code knows about {@code processes/qa-cycle.bpmn}: its key, element ids, groups,
 * message and typed variables. The business key is the cycle id when the API starts it; the vendor
 * lifecycle calls it as a call activity with only {@link #VENDOR_ID}, and the first step then opens
 * a cycle with the defaults.
 */
public final class QaCycleProcess {

  public static final String PROCESS_KEY = "QaCycle";

  /** Correlated into the cycle's instance when a BPO lead disputes an audit. */
  public static final String MSG_AUDIT_DISPUTED = "Msg_AuditDisputed";

  /** Element ids, as in the diagram. */
  public static final class Elements {
    public static final String START_EVENT = "StartEvent_QaCycleDue";
    public static final String DRAW_SAMPLE = "Task_DrawSample";
    public static final String AUDIT_SAMPLE = "SubProcess_AuditSample";
    public static final String PREPARE_AUDIT = "Task_PrepareAudit";
    public static final String AUDIT_INTERACTION = "Task_AuditInteraction";
    public static final String RECORD_AUDIT = "Task_RecordAudit";
    public static final String PUBLISH_RESULTS = "Task_PublishResults";
    public static final String AWARD_POINTS = "Task_AwardPoints";
    public static final String FLAG_REPEAT_FAILURES = "Task_FlagRepeatFailures";
    public static final String GATEWAY_COACHING_NEEDED = "Gateway_CoachingNeeded";
    public static final String COACH_AGENTS = "SubProcess_CoachAgents";
    public static final String PREPARE_COACHING = "Task_PrepareCoaching";
    public static final String COACH_AGENT = "Task_CoachAgent";
    public static final String RECORD_COACHING = "Task_RecordCoaching";
    public static final String DISPUTE_WINDOW = "SubProcess_DisputeWindow";
    public static final String TIMER_DISPUTE_WINDOW_CLOSED = "Timer_DisputeWindowClosed";
    public static final String CLOSE_DISPUTE_WINDOW = "Task_CloseDisputeWindow";
    public static final String DISPUTE_ARBITRATION = "SubProcess_DisputeArbitration";
    public static final String AUDIT_DISPUTED = "StartEvent_AuditDisputed";
    public static final String ARBITRATE_DISPUTE = "Task_ArbitrateDispute";
    public static final String GATEWAY_DISPUTE_UPHELD = "Gateway_DisputeUpheld";
    public static final String RESCORE_AUDIT = "Task_RescoreAudit";
    public static final String RECORD_DISPUTE_REJECTED = "Task_RecordDisputeRejected";
    public static final String CLOSE_CYCLE = "Task_CloseCycle";
    public static final String END_EVENT_CLOSED = "EndEvent_CycleClosed";

    private Elements() {}
  }

  /** Candidate groups the diagram routes work to. */
  public static final class Groups {
    public static final String QA_ANALYSTS = "qa-analysts";
    public static final String BPO_LEADS = "bpo-leads";
    public static final String RELATIONSHIP_MANAGERS = "relationship-managers";

    private Groups() {}
  }

  /** Values of the arbitration form's {@code decision} field. */
  public static final String DECISION_UPHELD = "UPHELD";

  public static final String DECISION_REJECTED = "REJECTED";

  // set when the process starts (the lifecycle passes only the vendor)
  public static final ProcessVariable<String> VENDOR_ID = ProcessConventions.VENDOR_ID;
  public static final ProcessVariable<String> CYCLE_ID = stringVariable("cycleId");

  // set by Task_DrawSample
  public static final ProcessVariable<List<String>> AUDIT_IDS = stringListVariable("auditIds");
  public static final ProcessVariable<String> RELATIONSHIP_MANAGER =
      stringVariable("relationshipManager");

  // per audit (local to one instance of SubProcess_AuditSample)
  public static final ProcessVariable<String> AUDIT_ID = stringVariable("auditId");
  public static final ProcessVariable<String> AUDIT_BRIEF = stringVariable("auditBrief");

  /** The form's dynamic list: one {@code {category, name, rating, notApplicable}} per category. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ProcessVariable<List<Map<String, Object>>> RATINGS =
      new ProcessVariable<>("ratings", (Class) List.class);

  public static final ProcessVariable<String> COMMENT = stringVariable("comment");

  // set by Task_PublishResults
  public static final ProcessVariable<Date> DISPUTE_WINDOW_ENDS_AT =
      dateVariable("disputeWindowEndsAt");
  public static final ProcessVariable<List<String>> COACHING_IDS =
      stringListVariable("coachingIds");
  public static final ProcessVariable<Boolean> COACHING_NEEDED = booleanVariable("coachingNeeded");

  // per coaching (local to one instance of SubProcess_CoachAgents)
  public static final ProcessVariable<String> COACHING_ID = stringVariable("coachingId");
  public static final ProcessVariable<String> AGENT_ID = stringVariable("agentId");
  public static final ProcessVariable<String> COACHING_BRIEF = stringVariable("coachingBrief");

  // per dispute (local to one instance of SubProcess_DisputeArbitration)
  public static final ProcessVariable<String> DISPUTE_ID = stringVariable("disputeId");
  public static final ProcessVariable<String> DISPUTE_BRIEF = stringVariable("disputeBrief");
  public static final ProcessVariable<String> DECISION = stringVariable("decision");

  /** The coaching note or the arbitration note, local to its task's scope. */
  public static final ProcessVariable<String> NOTE = stringVariable("note");

  /** Set by {@code rememberQaCompleterListener} in the scope of the task that was completed. */
  public static final ProcessVariable<String> COMPLETED_BY = stringVariable("completedBy");

  /**
   * The {@link #RATINGS} list as the audit and arbitration forms submit it: one item per category,
   * a {@code null} rating marked N/A. For code that completes audits itself (the demo data).
   */
  public static List<Map<String, Object>> ratingItems(Map<String, Integer> ratings) {
    List<Map<String, Object>> items = new java.util.ArrayList<>();
    ratings.forEach(
        (category, rating) -> {
          Map<String, Object> item = new java.util.LinkedHashMap<>();
          item.put(AuditRatings.CATEGORY, category);
          item.put(AuditRatings.RATING, rating);
          item.put(AuditRatings.NOT_APPLICABLE, rating == null);
          items.add(item);
        });
    return items;
  }

  private QaCycleProcess() {}
}
