package dev.steward.qa;

import static dev.steward.qa.QaCalibrationProcess.CALIBRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ComputeCalibrationReport: spread per category, alignment per analyst, medians. */
@Component
class ComputeCalibrationReportDelegate implements JavaDelegate {

  private final QaCalibrationService calibrations;

  ComputeCalibrationReportDelegate(QaCalibrationService calibrations) {
    this.calibrations = calibrations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    calibrations.computeReport(CALIBRATION_ID.requiredFrom(execution));
  }
}
