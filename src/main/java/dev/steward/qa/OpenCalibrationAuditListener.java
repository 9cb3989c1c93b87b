package dev.steward.qa;

import static dev.steward.qa.QaCalibrationProcess.CALIBRATION_AUDIT_ID;
import static dev.steward.qa.QaCalibrationProcess.COMMENT;
import static dev.steward.qa.QaCalibrationProcess.INTERACTION_ID;
import static dev.steward.qa.QaCalibrationProcess.RATINGS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener on Task_AuditInteractionForCalibration: assigns the task to the audit's analyst
 * (and to nobody else) and prepares the form, one rating item per category. The form's variables
 * are local to this task's execution, so parallel audits neither see nor overwrite each other's.
 */
@Component
class OpenCalibrationAuditListener implements TaskListener {

  private final QaCalibrationService calibrations;

  OpenCalibrationAuditListener(QaCalibrationService calibrations) {
    this.calibrations = calibrations;
  }

  @Override
  public void notify(DelegateTask task) {
    QaCalibrationService.AuditTask audit =
        calibrations.openAudit(CALIBRATION_AUDIT_ID.requiredFrom(task));
    task.setAssignee(audit.analyst());
    task.setDescription(audit.description());
    DelegateExecution execution = task.getExecution();
    execution.setVariableLocal(INTERACTION_ID.name(), audit.interactionId());
    execution.setVariableLocal(RATINGS.name(), RATINGS.engineValue(audit.ratings()));
    execution.setVariableLocal(COMMENT.name(), null);
  }
}
