package dev.steward.qa;

import static dev.steward.qa.QaCalibrationProcess.CALIBRATION_AUDIT_ID;
import static dev.steward.qa.QaCalibrationProcess.COMMENT;
import static dev.steward.qa.QaCalibrationProcess.RATINGS;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener on Task_AuditInteractionForCalibration: scores the submitted ratings against
 * the session's scorecard and stores the audit. Invalid ratings throw {@link
 * dev.steward.platform.InvalidDataException}, which refuses the completion: the task stays open and
 * the task API answers 422 naming the field.
 */
@Component
class SubmitCalibrationAuditListener implements TaskListener {

  private final QaCalibrationService calibrations;
  private final IdentityService identityService;

  SubmitCalibrationAuditListener(
      QaCalibrationService calibrations, IdentityService identityService) {
    this.calibrations = calibrations;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    String submittedBy = task.getAssignee();
    if (submittedBy == null) {
      Authentication current = identityService.getCurrentAuthentication();
      submittedBy = current == null ? null : current.getUserId();
    }
    calibrations.submitAudit(
        CALIBRATION_AUDIT_ID.requiredFrom(task),
        submittedBy,
        task.getVariable(RATINGS.name()),
        COMMENT.from(task));
  }
}
