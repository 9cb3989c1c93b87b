package dev.steward.evaluation;

import static dev.steward.platform.ProcessVariable.dateVariable;
import static dev.steward.platform.ProcessVariable.stringListVariable;
import static dev.steward.platform.ProcessVariable.stringVariable;

import dev.steward.platform.ProcessVariable;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Everything the code knows about {@code processes/vendor-evaluation.bpmn}: its key, element ids,
 * groups and typed variables. The business key is the evaluation round id. A round concerns several
 * vendors, so it carries no {@code vendorId}: BPO leads never see its tasks.
 */
public final class EvaluationProcess {

  public static final String PROCESS_KEY = "VendorEvaluation";

  /** Element ids, as in the diagram. */
  public static final class Elements {
    public static final String START_EVENT = "StartEvent_EvaluationRoundOpened";
    public static final String CONFIRM_BIDS = "Task_ConfirmBids";
    public static final String SCORE_CANDIDATES = "Task_ScoreCandidates";
    public static final String RANK_CANDIDATES = "Task_RankCandidates";
    public static final String SELECT_FOR_PILOT = "Task_SelectForPilot";
    public static final String RECORD_SELECTION = "Task_RecordSelection";
    public static final String END_EVENT = "EndEvent_VendorsSelected";

    private Elements() {}
  }

  /** Candidate groups the diagram routes work to. */
  public static final class Groups {
    public static final String RELATIONSHIP_MANAGERS = "relationship-managers";
    public static final String EXECUTIVES = "executives";

    private Groups() {}
  }

  // set when the process starts
  public static final ProcessVariable<String> ROUND_ID = stringVariable("evaluationRoundId");
  public static final ProcessVariable<String> ROUND_OWNER = stringVariable("roundOwner");
  public static final ProcessVariable<List<String>> EVALUATORS = stringListVariable("evaluators");
  public static final ProcessVariable<Date> DUE_AT = dateVariable("evaluationDueAt");

  /** The element variable of the multi-instance scoring task: the evaluator of one instance. */
  public static final ProcessVariable<String> EVALUATOR = stringVariable("evaluator");

  /**
   * The evaluator's score sheet, a form-js dynamic list: one item per candidate and rated
   * criterion. A local variable of each scoring instance (prefilled when the task is created), so
   * an evaluator's ratings never become a process variable the others can read.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ProcessVariable<List<Map<String, Object>>> SCORES =
      new ProcessVariable<>("scores", (Class) List.class);

  /** Item fields of {@link #SCORES}. */
  public static final class ScoreItem {
    public static final String VENDOR_CODE = "vendorCode";
    public static final String VENDOR_NAME = "vendorName";
    public static final String CRITERION = "criterion";
    public static final String CRITERION_NAME = "criterionName";
    public static final String RATING = "rating";
    public static final String SKIPPED = "skipped";

    private ScoreItem() {}
  }

  // set by the ranking delegate, shown by the selection form
  public static final ProcessVariable<String> RANKING_SUMMARY = stringVariable("rankingSummary");

  /** The options of the selection form's checklist: [{label, value: vendor code}] in rank order. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ProcessVariable<List<Map<String, Object>>> CANDIDATE_OPTIONS =
      new ProcessVariable<>("candidateOptions", (Class) List.class);

  // set by the selection form (a checklist arrives as comma-separated vendor codes)
  public static final ProcessVariable<String> SELECTED_VENDOR_CODES =
      stringVariable("selectedVendorCodes");
  public static final ProcessVariable<String> SELECTION_REASON = stringVariable("selectionReason");

  /**
   * Set by {@code rememberEvaluationCompleterListener}: who completed the last RM/executive task.
   */
  public static final ProcessVariable<String> LAST_COMPLETED_BY = stringVariable("lastCompletedBy");

  private EvaluationProcess() {}
}
