package dev.steward.training;

import static dev.steward.training.TrainingProcess.COHORT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordSpeedToProficiency: the cohort's median and mean days to proficiency; closes the
 * cohort.
 */
@Component
class RecordSpeedToProficiencyDelegate implements JavaDelegate {

  private final TrainingService training;

  RecordSpeedToProficiencyDelegate(TrainingService training) {
    this.training = training;
  }

  @Override
  public void execute(DelegateExecution execution) {
    training.recordSpeedToProficiency(COHORT_ID.requiredFrom(execution));
  }
}
