package dev.steward.training;

import static dev.steward.training.TrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_OpenTrainingCohort: opens the cohort (its id is the business key; one is chosen if the
 * caller gave none) and sets who trains and who checks proficiency, by the responsibility split.
 */
@Component
class OpenTrainingCohortDelegate implements JavaDelegate {

  private final TrainingService training;

  OpenTrainingCohortDelegate(TrainingService training) {
    this.training = training;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TrainingService.Opened cohort =
        training.openCohort(
            execution.getProcessInstanceId(),
            execution.getProcessBusinessKey(),
            VENDOR_ID.requiredFrom(execution),
            AGENTS.requiredFrom(execution),
            NESTING_PERIOD.from(execution));
    if (!cohort.cohortId().equals(execution.getProcessBusinessKey())) {
      execution.setProcessBusinessKey(cohort.cohortId());
    }
    OpenedVariables.set(execution, cohort);
  }
}
