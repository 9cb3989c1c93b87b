package dev.steward.training;

import static dev.steward.training.TrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordCertificationAttempt and Task_RecordRetakeAttempt (the attempt number is their input
 * parameter): records the score and whether it reached the pass mark.
 */
@Component
class RecordCertificationAttemptDelegate implements JavaDelegate {

  private final TrainingService training;

  RecordCertificationAttemptDelegate(TrainingService training) {
    this.training = training;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean passed =
        training.recordAttempt(
            COHORT_ID.requiredFrom(execution),
            AGENT_ID.requiredFrom(execution),
            number(CERTIFICATION_ATTEMPT.requiredFrom(execution)).intValue(),
            number(CERTIFICATION_SCORE.requiredFrom(execution)).doubleValue(),
            ASSESSED_BY.from(execution));
    CERTIFICATION_PASSED.on(execution, passed);
  }

  private static Number number(Object value) {
    if (value instanceof Number number) {
      return number;
    }
    return Double.valueOf(value.toString());
  }
}
