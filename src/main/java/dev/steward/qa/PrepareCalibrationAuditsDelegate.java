package dev.steward.qa;

import static dev.steward.qa.QaCalibrationProcess.CALIBRATION_AUDIT_IDS;
import static dev.steward.qa.QaCalibrationProcess.CALIBRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PrepareCalibrationAudits: one audit per analyst and interaction, for the audit tasks. */
@Component
class PrepareCalibrationAuditsDelegate implements JavaDelegate {

  private final QaCalibrationService calibrations;

  PrepareCalibrationAuditsDelegate(QaCalibrationService calibrations) {
    this.calibrations = calibrations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CALIBRATION_AUDIT_IDS.on(
        execution, calibrations.prepareAudits(CALIBRATION_ID.requiredFrom(execution)));
  }
}
