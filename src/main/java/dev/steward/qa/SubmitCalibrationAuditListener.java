package dev.steward.qa;

import static dev.steward.qa.QaCalibrationProcess.CALIBRATION_AUDIT_ID;
import static dev.steward.qa.QaCalibrationProcess.COMMENT;
import static dev.steward.qa.QaCalibrationProcess.RATINGS;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * End listener of each Task_AuditInteractionForCalibration instance: scores the submitted ratings
 * against the session's scorecard and stores the audit, in the transaction that completes the task.
 * Invalid ratings throw {@link dev.steward.platform.InvalidDataException}, which refuses the
 * completion: everything rolls back, the task stays open and the task API answers 422 naming the
 * field.
 *
 * <p>An execution listener rather than a task listener on purpose: the engine wraps whatever a task
 * listener throws into a {@code ProcessEngineException} (which the task API would answer with 500),
 * while a runtime exception from an execution listener reaches the caller as it is. An audit task
 * that ends because the session is cancelled is not an audit: nothing is scored.
 */
@Component
class SubmitCalibrationAuditListener implements ExecutionListener {

  private final QaCalibrationService calibrations;
  private final IdentityService identityService;

  SubmitCalibrationAuditListener(
      QaCalibrationService calibrations, IdentityService identityService) {
    this.calibrations = calibrations;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    // Tasklist and the engine REST API authenticate the engine call; the task API completes only
    // the assignee's own task, so without an authentication the audit's analyst submitted it
    Authentication current = identityService.getCurrentAuthentication();
    calibrations.submitAudit(
        CALIBRATION_AUDIT_ID.requiredFrom(execution),
        current == null ? null : current.getUserId(),
        execution.getVariableLocal(RATINGS.name()),
        COMMENT.from(execution));
  }
}
