package dev.steward.training;

import static dev.steward.training.TrainingProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenRefresherCohort: opens the refresher, a cohort of the one agent QA flagged. */
@Component
class OpenRefresherCohortDelegate implements JavaDelegate {

  private final TrainingService training;

  OpenRefresherCohortDelegate(TrainingService training) {
    this.training = training;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TrainingService.Opened cohort =
        training.openRefresher(
            execution.getProcessInstanceId(),
            execution.getProcessBusinessKey(),
            VENDOR_ID.requiredFrom(execution),
            AGENT_ID.requiredFrom(execution),
            QA_CYCLE_ID.from(execution));
    if (!cohort.cohortId().equals(execution.getProcessBusinessKey())) {
      execution.setProcessBusinessKey(cohort.cohortId());
    }
    OpenedVariables.set(execution, cohort);
  }
}
