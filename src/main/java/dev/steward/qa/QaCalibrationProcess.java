package dev.steward.qa;

import static dev.steward.platform.ProcessVariable.stringListVariable;
import static dev.steward.platform.ProcessVariable.stringVariable;

import dev.steward.platform.ProcessConventions;
import dev.steward.platform.ProcessVariable;
import java.util.List;
import java.util.Map;

/**
 * Everything the code knows about {@code processes/qa-calibration.bpmn}: its key, element ids and
 * typed variables. The business key is the calibration session's id.
 */
public final class QaCalibrationProcess {

  public static final String PROCESS_KEY = "QaCalibration";
  public static final String AUDIT_FORM_ID = "Form_QaCalibrationAudit";

  /** Element ids, as in the diagram. */
  public static final class Elements {
    public static final String START_EVENT = "StartEvent_CalibrationRequested";
    public static final String PREPARE_AUDITS = "Task_PrepareCalibrationAudits";
    public static final String AUDIT_INTERACTION = "Task_AuditInteractionForCalibration";
    public static final String COMPUTE_REPORT = "Task_ComputeCalibrationReport";
    public static final String END_EVENT = "EndEvent_CalibrationReported";

    private Elements() {}
  }

  // set when the process starts
  public static final ProcessVariable<String> CALIBRATION_ID = stringVariable("calibrationId");
  public static final ProcessVariable<String> VENDOR_ID = ProcessConventions.VENDOR_ID;

  /** Set by {@code prepareCalibrationAuditsDelegate}: one audit per analyst and interaction. */
  public static final ProcessVariable<List<String>> CALIBRATION_AUDIT_IDS =
      stringListVariable("calibrationAuditIds");

  /** The multi-instance element variable: the audit of one task (local to its execution). */
  public static final ProcessVariable<String> CALIBRATION_AUDIT_ID =
      stringVariable("calibrationAuditId");

  // local to each audit task's execution, so analysts never see or overwrite each other's
  /** Shown on the audit form: the interaction to listen to or read. */
  public static final ProcessVariable<String> INTERACTION_ID = stringVariable("interactionId");

  /**
   * The form's dynamic list: {@code [{category, name, rating, notApplicable}]}, prepared with one
   * item per category of the session's scorecard and submitted by the analyst (JSON, never Java
   * serialization).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ProcessVariable<List<Map<String, Object>>> RATINGS =
      new ProcessVariable<>("ratings", (Class) List.class);

  public static final ProcessVariable<String> COMMENT = stringVariable("comment");

  /** Keys of one item of {@link #RATINGS}, as in the form. */
  public static final class RatingItem {
    public static final String CATEGORY = "category";
    public static final String NAME = "name";
    public static final String RATING = "rating";
    public static final String NOT_APPLICABLE = "notApplicable";

    private RatingItem() {}
  }

  private QaCalibrationProcess() {}
}
