package dev.steward.training;

import static dev.steward.training.TrainingProcess.COHORT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CompleteRefresherTraining: closes the refresher once the agent re-certified (or not). */
@Component
class CompleteRefresherTrainingDelegate implements JavaDelegate {

  private final TrainingService training;

  CompleteRefresherTrainingDelegate(TrainingService training) {
    this.training = training;
  }

  @Override
  public void execute(DelegateExecution execution) {
    training.completeRefresher(COHORT_ID.requiredFrom(execution));
  }
}
